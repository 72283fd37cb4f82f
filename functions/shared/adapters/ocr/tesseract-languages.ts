import { mkdir, rename, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** The claims' languages; English first, as most invoice vocabulary abroad is English. */
export const TESSERACT_LANGUAGES = ['eng', 'fra'] as const;
/** The integer-quantised "best" LSTM models: as accurate as "best", and faster. */
const MODEL_FOLDER = '4.0.0_best_int';

let languageFolder: Promise<string> | undefined;

async function linkLanguageData(folder: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const require = createRequire(import.meta.url);
  for (const language of TESSERACT_LANGUAGES) {
    const fileName = `${language}.traineddata.gz`;
    const target = path.join(path.dirname(require.resolve(`@tesseract.js-data/${language}/package.json`)), MODEL_FOLDER, fileName);
    // Linked under a name of this process's, then renamed over the shared one: several processes
    // (test workers, CLI runs) may make the folder at once, and a rename replaces atomically.
    const temporary = path.join(folder, `${fileName}.${process.pid}`);
    await symlink(target, temporary);
    await rename(temporary, path.join(folder, fileName));
  }
  return folder;
}

/**
 * tesseract.js takes one folder for all its languages: one in the temporary directory (the only
 * writable one on Lambda) links to the npm packages' files, so nothing is downloaded. Made on
 * first use, then kept for the life of the process.
 */
export function tesseractLanguageFolder(): Promise<string> {
  languageFolder ??= linkLanguageData(path.join(os.tmpdir(), 'claims-intake-tessdata')).catch((error: unknown) => {
    languageFolder = undefined;
    throw error;
  });
  return languageFolder;
}
