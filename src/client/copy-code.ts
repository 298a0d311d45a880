// Copy buttons on code blocks.
import { COPY_CODE } from '../shared/markup.ts';

export function initCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>(`button.${COPY_CODE}`)) {
    button.addEventListener('click', async () => {
      const code = button.parentElement?.querySelector('pre code, pre');
      if (!code) return;
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Press Ctrl+C';
        getSelection()?.selectAllChildren(code);
      }
      setTimeout(() => (button.textContent = 'Copy'), 1600);
    });
  }
}
