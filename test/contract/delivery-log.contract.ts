import type { DeliveryLog } from '../../src/core/ports/delivery-log';
import type { StoreUnderTest } from './ticket-store.contract';

/** The DeliveryLog contract, for every implementation; `factory` gives a fresh, empty log. */
export function describeDeliveryLogContract(
  name: string,
  factory: () => Promise<StoreUnderTest<DeliveryLog>>,
): void {
  describe(`DeliveryLog contract: ${name}`, () => {
    let subject: StoreUnderTest<DeliveryLog>;
    let log: DeliveryLog;
    beforeEach(async () => {
      subject = await factory();
      log = subject.store;
    });
    afterEach(() => subject.dispose());

    it('says true the first time an id is seen and false for every redelivery', async () => {
      expect(await log.firstDelivery('slack:Ev1')).toBe(true);
      expect(await log.firstDelivery('slack:Ev1')).toBe(false);
      expect(await log.firstDelivery('slack:Ev1')).toBe(false);
      expect(await log.firstDelivery('slack:Ev2')).toBe(true);
      expect(await log.firstDelivery('teams:Ev1')).toBe(true);
    });

    it('forgets a released id, so the retry of a failed delivery is processed', async () => {
      expect(await log.firstDelivery('slack:EvFail')).toBe(true);
      await log.release('slack:EvFail');
      expect(await log.firstDelivery('slack:EvFail')).toBe(true);
      expect(await log.firstDelivery('slack:EvFail')).toBe(false);
      await log.release('slack:never-seen');
      expect(await log.firstDelivery('slack:never-seen')).toBe(true);
    });

    it('says true to exactly one of 10 concurrent deliveries of one id', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => log.firstDelivery('slack:EvRace')),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
