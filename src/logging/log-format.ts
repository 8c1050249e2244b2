/** How log lines are written: `pretty` for a person at a terminal, `json` for machines. */
export type LogFormat = 'pretty' | 'json';
/** LOG_FORMAT: `auto` (the default) is pretty on a terminal and JSON otherwise. */
export type LogFormatSetting = LogFormat | 'auto';

/** The format for this output: the setting when it names one, else by whether stdout is a terminal. */
export function chooseLogFormat(setting: LogFormatSetting, isTerminal: boolean): LogFormat {
  if (setting !== 'auto') return setting;
  return isTerminal ? 'pretty' : 'json';
}
