// The sign-in screen: shown instead of every other screen while nobody is signed in (the server
// answers 401 to every data request). A refusal says the same thing whatever its reason, as the
// server's answer does.
import { ApiError, signIn, type Session } from '../api';
import { h } from '../dom';
import { errorBox, type Ctx } from '../components/common';

export function signInView(ctx: Ctx, notice: 'linkFailed' | null, onSignedIn: (session: Session) => void): HTMLElement {
  const account = h('input', {
    id: 'signin-account', name: 'account', type: 'text', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false', 'data-testid': 'signin-account',
  });
  const password = h('input', {
    id: 'signin-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
    'data-testid': 'signin-password',
  });
  const submit = h('button', { type: 'submit', 'data-testid': 'signin-submit' }, ctx.t('signin.submit'));
  const status = h('div', { 'aria-live': 'polite', 'data-testid': 'signin-status' },
    notice === 'linkFailed' ? h('p', { class: 'error', role: 'alert' }, ctx.t('signin.linkFailed')) : null);
  const form = h('form', { class: 'signin-form', 'data-testid': 'signin-form' },
    h('p', null, h('label', { for: 'signin-account' }, ctx.t('signin.account')), account),
    h('p', null, h('label', { for: 'signin-password' }, ctx.t('signin.password')), password),
    h('p', null, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = ctx.t('signin.busy');
    signIn({ account: account.value.trim(), password: password.value })
      .then((session) => onSignedIn(session))
      .catch((error: unknown) => {
        password.value = '';
        submit.disabled = false;
        submit.textContent = ctx.t('signin.submit');
        status.replaceChildren(error instanceof ApiError && error.status === 401
          ? h('p', { class: 'error', role: 'alert', 'data-testid': 'signin-failed' }, ctx.t('signin.failed'))
          : errorBox(error, ctx));
        password.focus();
      });
  });
  queueMicrotask(() => account.focus());
  return h('div', { class: 'view signin', 'data-testid': 'signin' },
    h('h1', { 'data-testid': 'page-title' }, ctx.t('signin.title')),
    h('p', null, ctx.t('signin.intro')),
    status,
    form,
    h('p', { class: 'hint' }, ctx.t('signin.noAccount')));
}
