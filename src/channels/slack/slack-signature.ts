import { verifySlackRequest } from '@slack/bolt';

export interface SignatureHeaders {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

/**
 * Whether Slack signed this raw body (`v0=` HMAC-SHA256 with the signing secret) no more than 5
 * minutes ago: Bolt's own check, and the only one a request goes through. Undefined when it did,
 * else why not (Bolt's words, which name no secret).
 */
export function slackSignatureProblem(
  signingSecret: string,
  rawBody: string,
  headers: SignatureHeaders,
): string | undefined {
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: {
        'x-slack-signature': headers.signature ?? '',
        'x-slack-request-timestamp': Number(headers.timestamp),
      },
    });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
