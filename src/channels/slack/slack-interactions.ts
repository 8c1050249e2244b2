import type { App } from '@slack/bolt';
import type { Inbound } from '../../core/inbound';
import { t } from '../../core/i18n/translate';
import { payloadLocale } from '../../core/workflow/payload';
import { BUTTON_ACTION_PATTERN } from './slack-button-value';
import type { SlackFormSubmission, SlackPress } from './slack-delivery';
import { takenInput } from './slack-input-context';
import { FORM_CALLBACK_ID, formModal } from './slack-modal';
import { dmOf, type SlackRuntime } from './slack-runtime';

/**
 * Buttons and the modals of buttons with a form, as the receiver read them: the core's action, its
 * payload passed on as it came (only the core reads it), the form. Each press or submission is
 * recorded before it is acknowledged (a failure to record it is an error Slack shows on the
 * button); the work follows from the record. Delivery ids come from Slack's body (user + action_ts,
 * view id), so a duplicate delivery of the same press changes nothing, and a form opens once.
 */
export function registerInteractions(app: App, rt: SlackRuntime): void {
  app.action(BUTTON_ACTION_PATTERN, async ({ ack, context }) => {
    const input = takenInput(context, 'press')?.press;
    if (input) await pressButton(rt, input);
    await ack();
  });

  app.view(FORM_CALLBACK_ID, async ({ ack, context }) => {
    const input = takenInput(context, 'form')?.submission;
    if (!input) return void (await ack());
    if (input.blank.length) {
      const required = t(localeOf(rt, input.origin.payload), 'form_required');
      const errors = Object.fromEntries(input.blank.map((name) => [name, required]));
      return void (await ack({ response_action: 'errors', errors }));
    }
    await rt.accept(submittedForm(rt, input));
    await ack();
  });
}

/** A press: buttons with a form open it in a modal, the others go straight to the core. */
async function pressButton(rt: SlackRuntime, input: SlackPress): Promise<void> {
  const { action, payload } = input;
  const deliveryId = `action:${input.userId}:${input.actionTs}`;
  if (input.form?.length) {
    // The modal must open within the trigger's 3 s, so it is opened here, once per press.
    if (!(await rt.firstSeen(deliveryId))) return;
    const origin = {
      action,
      payload,
      channelId: input.message?.channelId ?? input.channelId,
      messageTs: input.message?.ts,
    };
    try {
      await rt.client.views.open({
        trigger_id: input.triggerId,
        view: formModal(input.label ?? action, input.form, origin, localeOf(rt, payload)),
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
    payload,
    ...withDm(rt, input.channelId, input.userId),
    ...withMessage(input.message?.channelId, input.message?.ts),
  };
  await rt.accept(event);
}

function submittedForm(rt: SlackRuntime, input: SlackFormSubmission): Inbound {
  const { origin } = input;
  return {
    kind: 'action',
    deliveryId: `view:${input.viewId}`,
    user: { platform: 'slack', id: input.userId },
    action: origin.action,
    payload: origin.payload,
    form: input.values,
    ...withDm(rt, origin.channelId, input.userId),
    ...withMessage(origin.channelId, origin.messageTs),
  };
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

/** The language of a form's own words: the core's, for the press (its payload's, else agents'). */
function localeOf(rt: SlackRuntime, payload: string) {
  return payloadLocale(payload, rt.config.AGENT_LOCALE);
}
