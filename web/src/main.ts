// Ordo's web application: a static client of the HTTP API. Screens are hash routes; the language
// is ?lang= in the page address. Nothing is shown before a sign-in: a password, or the one-time
// link `ordo serve` prints (?signin=TOKEN, taken out of the address at once).
import './styles.css';
import { currentSession, setSignedOutHandler, signIn, signOut, type Session } from './api';
import { h } from './dom';
import { LANG_NAMES, LANGS, langFromSearch, translator } from './i18n';
import { langHref, parseHash, routeHash, type Route } from './router';
import type { Lang } from './types';
import { errorBox, type Ctx } from './components/common';
import { countryView } from './views/country';
import { drugsView } from './views/drugs';
import { organizationsView, organizationView } from './views/organizations';
import { overviewView } from './views/overview';
import { seizuresView } from './views/seizures';
import { tradeView } from './views/trade';
import { signInView } from './views/sign-in';

const root = document.getElementById('app') as HTMLElement;
let renderCount = 0;
let renderedAddress = '';
let session: Session | null = null;
let signInNotice: 'linkFailed' | null = null;

function navSection(route: Route): string {
  switch (route.name) {
    case 'organization':
    case 'organizations':
      return 'organizations';
    case 'trade':
      return 'trade';
    case 'drugs':
      return 'drugs';
    case 'seizures':
      return 'seizures';
    case 'links':
      return 'links';
    case 'overview':
    case 'country':
      return 'overview';
    default:
      return '';
  }
}

function header(ctx: Ctx, route: Route): HTMLElement {
  const current = navSection(route);
  const navLink = (key: 'overview' | 'organizations' | 'trade' | 'drugs' | 'seizures' | 'links', target: Route): HTMLElement =>
    h('li', null, h('a', {
      href: routeHash(target),
      'aria-current': current === key ? 'page' : null,
      'data-testid': `nav-${key}`,
    }, ctx.t(`nav.${key}`)));
  const langLinks = LANGS.map((lang) => {
    const link = h('a', {
      href: langHref(lang, location.hash),
      hreflang: lang,
      lang,
      'aria-current': lang === ctx.lang ? 'true' : null,
      'data-testid': `lang-${lang}`,
    }, LANG_NAMES[lang]);
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      history.pushState(null, '', langHref(lang, location.hash));
      render();
    });
    return h('li', null, link);
  });
  return h('header', { class: 'site-header' },
    h('div', { class: 'brand' },
      h('a', { href: '#/', class: 'brand-name' }, ctx.t('app.name')),
      h('span', { class: 'tagline' }, ctx.t('app.tagline'))),
    h('nav', { 'aria-label': ctx.t('nav.label'), class: 'main-nav' },
      h('ul', null,
        navLink('overview', { name: 'overview' }),
        navLink('organizations', { name: 'organizations' }),
        navLink('trade', { name: 'trade', year: null, flow: null, reporter: null }),
        navLink('drugs', { name: 'drugs' }),
        navLink('seizures', { name: 'seizures', filter: { from: null, to: null, drug: null, synthetic: null, measure: 'seizures' } }),
        navLink('links', { name: 'links', seeds: [] }))),
    h('nav', { 'aria-label': ctx.t('lang.label'), class: 'lang-switch', 'data-testid': 'lang-switch' }, h('ul', null, langLinks)),
    session ? sessionBox(ctx, session) : null);
}

function sessionBox(ctx: Ctx, current: Session): HTMLElement {
  const button = h('button', { type: 'button', class: 'sign-out', 'data-testid': 'sign-out' }, ctx.t('session.signOut'));
  button.addEventListener('click', () => {
    button.disabled = true;
    signOut().catch(() => undefined).finally(() => {
      session = null;
      render();
    });
  });
  return h('div', { class: 'session-box', role: 'group', 'aria-label': ctx.t('session.label') },
    h('span', { 'data-testid': 'signed-in-as' }, ctx.t('session.signedInAs', { account: current.account })),
    ' ', button);
}

function notFound(ctx: Ctx): HTMLElement {
  return h('div', { class: 'view', 'data-testid': 'not-found' },
    h('h1', null, ctx.t('error.notFoundTitle')),
    h('p', null, ctx.t('error.notFoundText')),
    h('p', null, h('a', { href: '#/' }, ctx.t('error.back'))));
}

async function view(ctx: Ctx, route: Route): Promise<HTMLElement> {
  switch (route.name) {
    case 'overview':
      return overviewView(ctx);
    case 'country':
      return countryView(ctx, route.code);
    case 'organizations':
      return organizationsView(ctx);
    case 'organization':
      return organizationView(ctx, route.acronym);
    case 'trade':
      return tradeView(ctx, route);
    case 'drugs':
      return drugsView(ctx);
    case 'seizures':
      return seizuresView(ctx, route.filter);
    case 'links':
      // The chart library is loaded with its screen only.
      return (await import('./views/links')).linksView(ctx, route.seeds);
    case 'notFound':
      return notFound(ctx);
  }
}

function render(): void {
  const token = ++renderCount;
  renderedAddress = location.search + location.hash;
  const lang: Lang = langFromSearch(location.search);
  const t = translator(lang);
  const ctx: Ctx = { lang, t };
  const route = parseHash(location.hash);
  document.documentElement.lang = lang;
  document.title = `${t('app.name')} — ${t(`nav.${navSection(route) || 'overview'}` as 'nav.overview')}`;

  const main = h('main', { id: 'main', tabindex: '-1', 'aria-busy': 'true' }, h('p', { class: 'loading' }, t('loading')));
  const skip = h('a', { class: 'skip-link', href: '#main' }, t('skip'));
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  root.replaceChildren(skip, header(ctx, route), main,
    h('footer', { class: 'site-footer' }, h('p', null, t('footer'))));

  if (!session) {
    document.title = `${t('app.name')} — ${t('signin.title')}`;
    main.replaceChildren(signInView(ctx, signInNotice, (signedIn) => {
      session = signedIn;
      signInNotice = null;
      render();
    }));
    main.setAttribute('aria-busy', 'false');
    return;
  }

  const retry = (): void => render();
  view(ctx, route)
    .then((content) => {
      if (token !== renderCount) return;
      main.replaceChildren(content);
    })
    .catch((error: unknown) => {
      if (token !== renderCount) return;
      main.replaceChildren(errorBox(error, ctx, retry, true));
    })
    .finally(() => {
      if (token === renderCount) main.setAttribute('aria-busy', 'false');
    });
}

// Both events fire for a hash change in some browsers; a screen is rendered once per address.
function onNavigate(): void {
  // In-page anchors (#partner-TUR) only scroll; routes (#/...) change the screen.
  if (location.hash !== '' && !location.hash.startsWith('#/')) return;
  if (location.search + location.hash === renderedAddress) return;
  render();
  window.scrollTo(0, 0);
}
window.addEventListener('hashchange', onNavigate);
window.addEventListener('popstate', onNavigate);
// A session that ends while the page is open (timeout, sign-out elsewhere, account disabled)
// brings the sign-in screen back.
setSignedOutHandler(() => {
  if (!session) return;
  session = null;
  render();
});

// The one-time link's token leaves the address before anything else happens, so that it is
// neither bookmarked nor sent again.
async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const link = params.get('signin');
  if (link !== null) {
    params.delete('signin');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    try {
      session = await signIn({ signin: link });
    } catch {
      signInNotice = 'linkFailed';
    }
  }
  if (!session) {
    try {
      session = await currentSession();
    } catch {
      session = null;  // the server did not answer: the sign-in screen says so when tried
    }
  }
  render();
}
void start();
