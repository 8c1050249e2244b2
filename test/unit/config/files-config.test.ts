import { ConfigError, loadConfig } from '../../../src/config/config';
import { filePolicyOf } from '../../../src/config/files';

function problemOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError)
      return error.problems.map((p) => `${p.variable}: ${p.message}`).join('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('file settings', () => {
  it('takes 20 MB and refuses executables and scripts by default', () => {
    const policy = filePolicyOf(loadConfig({}));
    expect(policy.maxBytes).toBe(20 * 1024 * 1024);
    expect(policy.refusedExtensions).toEqual(
      expect.arrayContaining(['exe', 'msi', 'bat', 'ps1', 'js', 'sh', 'iso']),
    );
    expect(policy.refusedExtensions).not.toContain('png');
  });

  it('reads a size in MB and a list of extensions, whatever their case or dots', () => {
    const policy = filePolicyOf(
      loadConfig({ MAX_FILE_MB: '5', REFUSED_FILE_TYPES: ' .EXE, zip,,Msi ' }),
    );
    expect(policy).toEqual({ maxBytes: 5 * 1024 * 1024, refusedExtensions: ['exe', 'zip', 'msi'] });
    expect(filePolicyOf(loadConfig({ REFUSED_FILE_TYPES: 'none' })).refusedExtensions).toEqual([]);
  });

  it('names the variable of a bad value', () => {
    expect(problemOf({ MAX_FILE_MB: '0' })).toMatch(/^MAX_FILE_MB: out of range/m);
    expect(problemOf({ MAX_FILE_MB: '101' })).toMatch(/^MAX_FILE_MB: out of range/m);
    expect(problemOf({ MAX_FILE_MB: '2.5' })).toMatch(/^MAX_FILE_MB: /m);
    expect(problemOf({ REFUSED_FILE_TYPES: 'exe, *.bat' })).toMatch(
      /^REFUSED_FILE_TYPES: file extensions like exe/m,
    );
  });
});
