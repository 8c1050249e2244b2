import escapeHtml from 'escape-html';

/** The login form (no script): the token goes in a POST body, never in a URL. */
export function loginPage(message?: string): string {
  const notice = message ? `<p class="login-error" role="alert">${escapeHtml(message)}</p>` : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Lapis · lead's dashboard · log in</title>
    <link rel="icon" type="image/svg+xml" href="/dashboard/assets/favicon.svg" />
    <link rel="stylesheet" href="/dashboard/assets/dashboard.css" />
  </head>
  <body class="login">
    <main class="login-box">
      <h1><span class="brand-mark" aria-hidden="true">L</span> Lapis · lead's dashboard</h1>
      ${notice}
      <form method="post" action="/dashboard/login">
        <label for="token">Dashboard token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required maxlength="512" autofocus />
        <button type="submit">Log in</button>
      </form>
      <p class="login-hint">The token is DASHBOARD_TOKEN from Lapis's configuration.</p>
    </main>
  </body>
</html>
`;
}
