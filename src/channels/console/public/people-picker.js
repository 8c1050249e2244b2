// Who you act as, on a phone: one select next to the "Acting as" label, so everyone is in reach
// without sideways scrolling. A desktop shows everyone as a row of buttons instead (app.js).
import { h } from './dom.js';

const select = () => document.getElementById('acting-select');

/** Calls `pick(userId)` when another person is chosen. */
export function setUpPicker(pick) {
  select().addEventListener('change', (event) => pick(event.target.value));
}

/** Lists `users` (each shown as `describe(user)`), `acting` chosen (the "Acting as" label is app.js's paintLabels). */
export function renderPicker(users, acting, describe) {
  const options = users.map((user) =>
    h('option', { value: user.id, selected: user.id === acting.id }, describe(user)),
  );
  select().replaceChildren(...options);
  select().value = acting.id;
}
