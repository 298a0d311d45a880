// Theme toggle. The first paint is handled by ThemeInit (inline, before CSS applies).
const root = document.documentElement;
const media = matchMedia('(prefers-color-scheme: dark)');

function storedTheme(): string | null {
  try {
    return localStorage.getItem('theme');
  } catch {
    return null; // storage disabled: follow the system only
  }
}

function apply(theme: 'light' | 'dark'): void {
  root.dataset.theme = theme;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) button.setAttribute('aria-pressed', String(theme === 'dark'));
}

export function initThemeToggle(): void {
  apply(root.dataset.theme === 'dark' ? 'dark' : 'light');
  for (const button of document.querySelectorAll<HTMLButtonElement>('.theme-toggle')) {
    button.addEventListener('click', () => {
      const next = root.dataset.theme === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem('theme', next);
      } catch {
        /* not remembered, still applied */
      }
      apply(next);
    });
  }
  media.addEventListener('change', (event) => {
    if (!storedTheme()) apply(event.matches ? 'dark' : 'light');
  });
}
