import type { App } from '@slack/bolt';
import type { Inbound } from '../../core/inbound';
import type { Locale } from '../../core/locale';
import { decodePayload } from '../../core/workflow/payload';
import { actionOfButton, BUTTON_ACTION_PATTERN, decodeButtonValue } from './slack-button-value';
import { parseBlockAction, parseViewSubmission, type SlackButtonInput } from './slack-inbound';
import { t } from '../../core/i18n/translate';
import {
  blankRequired,
  decodeMetadata,
  FORM_CALLBACK_ID,
  formModal,
  formValues,
} from './slack-modal';
import { dmOf, type SlackRuntime } from './slack-runtime';

/**
 * Buttons and the modals of buttons with a form. Each press or submission is recorded before it is
 * acknowledged (a failure to record it is an error Slack shows on the button); the work follows from
 * the record. Delivery ids come from the payload (user + action_ts, view id), so a duplicate delivery
 * of the same press changes nothing, and a form opens once.
 */
export function registerInteractions(app: App, rt: SlackRuntime): void {
  app.action(BUTTON_ACTION_PATTERN, async ({ ack, body }) => {
    const input = parseBlockAction(body);
    if (input) await pressButton(rt, input);
    await ack();
  });

  app.view(FORM_CALLBACK_ID, async ({ ack, body }) => {
    const input = parseViewSubmission(body);
    const origin = input && decodeMetadata(input.view.private_metadata);
    if (!input || !origin) return void (await ack());
    const form = formValues(input.view.state.values);
    const blank = blankRequired(input.view, form);
    if (blank.length) {
      const required = t(localeOf(rt, origin.payload), 'form_required');
      const errors = Object.fromEntries(blank.map((name) => [name, required]));
      return void (await ack({ response_action: 'errors', errors }));
    }
    await rt.accept({
      kind: 'action',
      deliveryId: `view:${input.view.id}`,
      user: { platform: 'slack', id: input.user.id },
      action: origin.action,
      payload: origin.payload,
      form,
      ...withDm(rt, origin.channelId, input.user.id),
      ...withMessage(origin.channelId, origin.messageTs),
    });
    await ack();
  });
}

/** A press: buttons with a form open it in a modal, the others go straight to the core. */
async function pressButton(rt: SlackRuntime, input: SlackButtonInput): Promise<void> {
  const action = actionOfButton(input.actionId);
  const value = decodeButtonValue(input.value);
  if (!action || !value) {
    rt.log.warn({ actionId: input.actionId }, 'ignored a Slack button Lapis cannot read');
    return;
  }
  const deliveryId = `action:${input.userId}:${input.actionTs}`;
  if (value.form?.length) {
    // The modal must open within the trigger's 3 s, so it is opened here, once per press.
    if (!(await rt.firstSeen(`slack:${deliveryId}`))) return;
    const origin = {
      action,
      payload: value.payload,
      channelId: input.message?.channelId ?? input.channelId,
      messageTs: input.message?.ts,
    };
    try {
      await rt.client.views.open({
        trigger_id: input.triggerId,
        view: formModal(input.label ?? action, value.form, origin, localeOf(rt, value.payload)),
      });
    } catch (err) {
      rt.log.warn({ err }, 'could not open a form (the press expired?)');
    }
    return;
  }
  const event: Inbound = {
    kind: 'action',
    deliveryId,
    user: { platform: 'slack', id: input.userId },
    action,
    payload: value.payload,
    ...withDm(rt, input.channelId, input.userId),
    ...withMessage(input.message?.channelId, input.message?.ts),
  };
  await rt.accept(event);
}

/** The message the button was on, so the core can retire its buttons once the press is honoured. */
function withMessage(channelId: string | undefined, ts: string | undefined) {
  return channelId && ts
    ? { message: { platform: 'slack' as const, channelId, messageId: ts } }
    : {};
}

function withDm(rt: SlackRuntime, channelId: string | undefined, userId: string) {
  const dm = dmOf(rt, channelId, userId);
  return dm ? { dm } : {};
}

/** The language a payload was answered in (employee buttons carry it), else the agents'. */
function localeOf(rt: SlackRuntime, payload: string): Locale {
  try {
    return decodePayload(payload).lang ?? rt.config.AGENT_LOCALE;
  } catch {
    return rt.config.AGENT_LOCALE;
  }
}
