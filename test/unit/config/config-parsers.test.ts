import { ConfigError, loadConfig } from '../../../src/config/config';
import { parseBusinessHours, parseHolidays, parseSlaTargets } from '../../../src/config/parsers';

describe('SLA settings', () => {
  it('parses business hours as a day range or list and a time range', () => {
    expect(parseBusinessHours('Mon-Fri 08:00-17:00')).toEqual({
      ok: true,
      value: { days: [1, 2, 3, 4, 5], open: 480, close: 1020 },
    });
    expect(parseBusinessHours('sun-thu 9:00-18:30')).toEqual({
      ok: true,
      value: { days: [0, 1, 2, 3, 4], open: 540, close: 1110 },
    });
    expect(parseBusinessHours('Mon, Wed 08:00-12:00')).toMatchObject({
      ok: true,
      value: { days: [1, 3] },
    });
    const bad = parseBusinessHours('weekdays 9-5');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/Mon-Fri 08:00-17:00/);
    expect(parseBusinessHours('Mon-Fri 17:00-08:00')).toMatchObject({ ok: false });
  });

  it('parses holidays and SLA targets', () => {
    expect(parseHolidays('2026-12-25, 2027-01-01')).toEqual({
      ok: true,
      value: ['2026-12-25', '2027-01-01'],
    });
    expect(parseHolidays('25/12/2026')).toMatchObject({ ok: false });
    const targets = parseSlaTargets('P1=10m/2h, P4=2d/20d', 540);
    expect(targets).toMatchObject({
      ok: true,
      value: {
        P1: { firstResponse: 10, resolution: 120 },
        P4: { firstResponse: 1080, resolution: 10800 },
        P2: { firstResponse: 60 },
      },
    });
    expect(parseSlaTargets('P5=1h/2h', 540)).toMatchObject({ ok: false });
  });

  it('reports bad SLA variables by name with the rest of the configuration problems', () => {
    try {
      loadConfig({
        BUSINESS_HOURS: 'always',
        HOLIDAYS: 'xmas',
        SLA_TARGETS: 'P1=fast',
        TIME_ZONE: 'Mars/Olympus',
        SLA_AROUND_THE_CLOCK: 'P9',
      });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.variable);
      expect(names).toEqual(
        expect.arrayContaining([
          'BUSINESS_HOURS',
          'HOLIDAYS',
          'SLA_TARGETS',
          'TIME_ZONE',
          'SLA_AROUND_THE_CLOCK',
        ]),
      );
    }
  });

  it('has sensible defaults', () => {
    const config = loadConfig({});
    expect(config.TIME_ZONE).toBe('Asia/Jakarta');
    expect(config.BUSINESS_HOURS).toEqual({ days: [1, 2, 3, 4, 5], open: 480, close: 1020 });
    expect(config.SLA_TARGETS.P3).toEqual({ firstResponse: 240, resolution: 1620 });
    expect(config.SLA_AROUND_THE_CLOCK).toEqual(['P1']);
    expect(config.REOPEN_WINDOW_HOURS).toBe(72);
  });
});
