import { z } from 'zod';
import type { FilePolicy } from '../core/files';
import { emptyToUndefined, intSetting, splitList } from './fields';

/** Which files people may send (src/config/config.ts spreads these in). */

/** Executables, installers, scripts and disk images: what a helpdesk should not pass on by default. */
export const DEFAULT_REFUSED_FILE_TYPES = [
  'exe', 'msi', 'msp', 'bat', 'cmd', 'com', 'scr', 'pif', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse',
  'wsf', 'wsh', 'hta', 'jar', 'dll', 'sys', 'cpl', 'msc', 'reg', 'lnk', 'inf', 'app', 'dmg', 'pkg',
  'sh', 'bash', 'command', 'apk', 'iso', 'img', 'vhd', 'vhdx',
] as const; // prettier-ignore

export const filesEnvShape = {
  MAX_FILE_MB: intSetting(1, 100, 20),
  /** Extensions, comma-separated (a leading dot and case do not matter); `none` refuses no type. */
  REFUSED_FILE_TYPES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .default(DEFAULT_REFUSED_FILE_TYPES.join(','))
      .transform((text) =>
        text.trim().toLowerCase() === 'none'
          ? []
          : splitList(text).map((x) => x.replace(/^\./, '').toLowerCase()),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^[a-z0-9]{1,16}$/,
              'file extensions like exe, msi, bat (or none), comma-separated',
            ),
        ),
      ),
  ),
};

/** The core's file policy from the parsed environment. */
export function filePolicyOf(env: {
  MAX_FILE_MB: number;
  REFUSED_FILE_TYPES: readonly string[];
}): FilePolicy {
  return {
    maxBytes: env.MAX_FILE_MB * 1024 * 1024,
    refusedExtensions: [...env.REFUSED_FILE_TYPES],
  };
}
