import {
  admissionRefusal,
  type AdmissionRules,
} from '../../../src/channels/teams/activity-admission';
import { activitySchema, type TeamsActivity } from '../../../src/channels/teams/activity-schema';

const HOME = '9a8b7c6d-0000-4000-8000-000000000001';
const OTHER = '0f0f0f0f-0000-4000-8000-0000000000ff';
const SERVICE = 'https://smba.trafficmanager.net/amer/';

function activity(
  tenants: { conversation?: string; channelData?: string },
  serviceUrl = SERVICE,
): TeamsActivity {
  return activitySchema.parse({
    type: 'message',
    id: '1',
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:budi' },
    conversation: {
      id: 'a:1',
      ...(tenants.conversation ? { tenantId: tenants.conversation } : {}),
    },
    ...(tenants.channelData ? { channelData: { tenant: { id: tenants.channelData } } } : {}),
  });
}

const rules = (allowedTenants: string[]): AdmissionRules => ({
  serviceUrls: { hosts: ['smba.trafficmanager.net'], loopbackAllowed: false },
  allowedTenants,
});

describe('activity admission', () => {
  it('takes an activity from an allowed tenant and service URL', () => {
    const both = { conversation: HOME, channelData: HOME };
    expect(admissionRefusal(activity(both), rules([HOME]))).toBeUndefined();
    expect(admissionRefusal(activity({ channelData: HOME }), rules([HOME]))).toBeUndefined();
    expect(
      admissionRefusal(activity({ conversation: HOME.toUpperCase() }), rules([HOME])),
    ).toBeUndefined();
  });

  it('refuses another tenant, in either place, and an activity naming none', () => {
    expect(admissionRefusal(activity({ conversation: OTHER }), rules([HOME]))).toEqual({
      error: 'tenant not allowed',
      reason: `tenant ${OTHER} is not allowed`,
    });
    expect(
      admissionRefusal(activity({ conversation: HOME, channelData: OTHER }), rules([HOME])),
    ).toMatchObject({ error: 'tenant not allowed' });
    expect(admissionRefusal(activity({}), rules([HOME]))).toEqual({
      error: 'tenant not allowed',
      reason: 'no tenant id',
    });
  });

  it('takes any tenant when none is listed (a MultiTenant bot without TEAMS_ALLOWED_TENANTS)', () => {
    expect(admissionRefusal(activity({ conversation: OTHER }), rules([]))).toBeUndefined();
    expect(admissionRefusal(activity({}), rules([]))).toBeUndefined();
  });

  it('refuses a service URL the policy does not take, before looking at the tenant', () => {
    expect(
      admissionRefusal(
        activity({ conversation: HOME }, 'https://attacker.example/'),
        rules([HOME]),
      ),
    ).toEqual({
      error: 'service URL not allowed',
      reason: 'attacker.example is not in TEAMS_SERVICE_URL_HOSTS',
    });
  });
});
