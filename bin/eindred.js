#!/usr/bin/env node
// Thin launcher: the CLI lives in dist/ (built from src/ by `npm install` / `npm run build`).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
