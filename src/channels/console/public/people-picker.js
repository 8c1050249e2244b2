// Who you act as, on a phone: one select next to the "Acting as" label, so everyone is in reach
// without sideways scrolling. A desktop shows everyone as a row of buttons instead (app.js).
import { h } from './dom.js';
import { localeOfRole, word } from './words.js';

const select = () => document.getElementById('acting-select');

/** Calls `pick(userId)` when another person is chosen. */
export function setUpPicker(pick) {
  select().addEventListener('change', (event) => pick(event.target.value));
}

/** Lists `users` (each shown as `describe(user)`), `acting` chosen, and labels the bar in their language. */
export function renderPicker(users, acting, describe) {
  const options = users.map((user) =>
    h('option', { value: user.id, selected: user.id === acting.id }, describe(user)),
  );
  select().replaceChildren(...options);
  select().value = acting.id;
  labelPicker(acting);
}

/** The "Acting as" label, in the language of the person you act as. */
export function labelPicker(acting) {
  document.getElementById('acting-label').textContent = word(
    localeOfRole(acting.role),
    'console_acting_as',
  );
}
