import { areaLabel } from '../i18n/area-labels';
import { t } from '../i18n/translate';
import type { Locale } from '../locale';
import type { OutboundMessage } from '../messages';
import { plain } from '../messages';
import type { KbArea } from '../ports/knowledge-base';
import { encodePayload, MAX_AREA_ID } from './payload';
import { ticketFormMessage } from './render';

/**
 * Areas offered after a vague message: the largest first, this many at most (Teams shows six
 * buttons of a card's action set; more would go to an overflow menu).
 */
export const MAX_AREAS = 6;

/** The KB areas worth offering (their ids), largest first. */
export function areasToOffer(areas: readonly KbArea[]): string[] {
  return areas
    .filter((a) => a.id.length <= MAX_AREA_ID)
    .slice(0, MAX_AREAS)
    .map((a) => a.id);
}

/**
 * "What is not working?" after a vague message: a button per KB area, each labelled in the person's
 * language, and the ticket form one click away.
 */
export function clarifyMessage(
  areas: readonly string[],
  locale: Locale,
  sessionVersion: number,
): OutboundMessage {
  const question = t(locale, 'clarify_question');
  const labels = areas.map((id) => areaLabel(id, locale));
  return {
    text: `${question} ${labels.join(' / ')}`,
    locale,
    blocks: [
      { kind: 'text', spans: [plain(question)] },
      {
        kind: 'actions',
        actions: areas.map((area, i) => ({
          id: 'l0_area' as const,
          label: labels[i] ?? area,
          payload: encodePayload({ session: sessionVersion, lang: locale, area }),
        })),
      },
      ...ticketFormMessage(locale, t(locale, 'clarify_ticket'), sessionVersion).blocks,
    ],
  };
}
