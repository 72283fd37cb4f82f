/**
 * Loaded with `node --import` before a command: when the process exits, its peak resident memory
 * (kilobytes) is written to the file named by PEAK_MEMORY_FILE, for a test to bound it.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_MEMORY_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
