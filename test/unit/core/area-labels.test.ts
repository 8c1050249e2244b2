import { areaLabel, readableAreaName } from '../../../src/core/i18n/area-labels';

describe('area labels', () => {
  it('names the common KB categories in both languages, whatever their spelling', () => {
    expect(areaLabel('network', 'en')).toBe('Network, Wi-Fi and VPN');
    expect(areaLabel('network', 'id')).toBe('Jaringan, Wi-Fi, dan VPN');
    expect(areaLabel('Accounts', 'id')).toBe('Akun dan kata sandi');
    expect(areaLabel('account', 'en')).toBe('Accounts and passwords');
    expect(areaLabel('printer', 'id')).toBe('Pencetak');
    expect(areaLabel('Remote_Access', 'id')).toBe('Akses jarak jauh');
  });

  it('shows an unknown category readably, as the KB names it', () => {
    expect(readableAreaName('payroll-system')).toBe('Payroll system');
    expect(areaLabel('payroll-system', 'id')).toBe('Payroll system');
    expect(areaLabel('sistem_absensi', 'en')).toBe('Sistem absensi');
    expect(areaLabel('ERP', 'en')).toBe('ERP');
  });
});
