// Injected into the CommonJS build of the CLI (scripts/build.mjs): what import.meta.url is in ESM.
export const __eindredModuleUrl = require('node:url').pathToFileURL(__filename).href;
