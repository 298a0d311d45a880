// The header's menu button: opens the notes drawer (the sidebar, on narrow screens) and, when the
// header's links do not fit beside the title and tools, folds them into that drawer too.
// The header row's gaps and side padding, and the menu button (reserved whether shown or not, so the
// decision does not flip as the button appears).
const RESERVED_PX = 3 * 16 + 32 + 36;

function drawerOf(button: HTMLElement): HTMLElement {
  const existing = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (existing) return existing;
  // Pages without a sidebar (home, 404) still need somewhere to put the header's links.
  const drawer = document.createElement('aside');
  drawer.id = 'site-drawer';
  drawer.className = 'site-sidebar drawer-only';
  drawer.setAttribute('aria-label', 'Menu');
  drawer.tabIndex = -1;
  document.querySelector('.site-header')!.after(drawer);
  return drawer;
}

export function initSiteMenu(): void {
  const header = document.querySelector<HTMLElement>('.site-header');
  const button = header?.querySelector<HTMLButtonElement>('.menu-toggle');
  if (!header || !button) return;
  const inner = header.querySelector<HTMLElement>('.site-header-inner')!;
  const nav = header.querySelector<HTMLElement>('.site-nav');
  const list = nav?.querySelector('ul');
  const title = header.querySelector<HTMLElement>('.site-title');
  const tools = header.querySelector<HTMLElement>('.site-tools');

  // The links fold away when they need more room than the row leaves them.
  const fit = (): void => {
    const room = inner.clientWidth - (title?.offsetWidth ?? 0) - (tools?.offsetWidth ?? 0) - RESERVED_PX;
    const folded = !!list && list.childElementCount > 0 && list.scrollWidth > room;
    header.classList.toggle('nav-collapsed', folded);
    document.body.classList.toggle('menu-links', folded);
  };
  fit();
  new ResizeObserver(fit).observe(inner);

  let drawer: HTMLElement | undefined;
  const outside = [...document.querySelectorAll<HTMLElement>('main, .site-footer')];
  const isOpen = (): boolean => button.getAttribute('aria-expanded') === 'true';

  function close(returnFocus: boolean): void {
    if (!drawer || !isOpen()) return;
    drawer.classList.remove('is-open');
    button!.setAttribute('aria-expanded', 'false');
    for (const el of outside) el.inert = false;
    if (returnFocus) button!.focus();
  }

  function open(): void {
    drawer ??= drawerOf(button!);
    drawer.querySelector('.drawer-links')?.remove();
    if (header!.classList.contains('nav-collapsed') && list) {
      const links = document.createElement('nav');
      links.className = 'drawer-links';
      links.setAttribute('aria-label', 'Site');
      links.append(list.cloneNode(true));
      drawer.prepend(links);
    }
    drawer.classList.add('is-open');
    button!.setAttribute('aria-expanded', 'true');
    // The page behind is out of reach while the drawer covers it (as with a dialog).
    for (const el of outside) el.inert = true;
    const target = drawer.querySelector<HTMLElement>('[aria-current="page"]') ?? drawer.querySelector<HTMLElement>('a');
    (target ?? drawer).focus({ preventScroll: true });
    target?.scrollIntoView({ block: 'nearest' });
  }

  button.addEventListener('click', () => (isOpen() ? close(true) : open()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) close(true);
  });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (isOpen() && !drawer!.contains(target) && !button.contains(target)) close(false);
  });
  // Wide enough for the sidebar column again: no drawer to keep open.
  for (const width of ['80rem', '90rem']) matchMedia(`(min-width: ${width})`).addEventListener('change', () => close(false));
}
