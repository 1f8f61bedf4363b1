import { runTask, type BatchSettings, type Outcome, type Task } from './batch.js';
import { PackLoader } from './packs/load.js';

/** A worker thread of `--jobs N`: runs tasks with its own pack loader (packs compile once per thread). */
const loaders = new Map<string, PackLoader>();

export default async function work({ task, settings }: { task: Task; settings: BatchSettings }): Promise<Outcome[]> {
  let loader = loaders.get(settings.cwd);
  if (!loader) loaders.set(settings.cwd, (loader = new PackLoader(settings.cwd)));
  return runTask(task, settings, loader);
}
