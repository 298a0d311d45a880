// The diagram's PlantUML source beside the drawing, behind a toggle, with a copy button.
export interface SourcePanel {
  show(source: string | undefined): void;
}

export function initSourcePanel(dialog: HTMLDialogElement): SourcePanel {
  const toggle = dialog.querySelector<HTMLButtonElement>('.viewer-source-toggle')!;
  const panel = dialog.querySelector<HTMLElement>('.viewer-source')!;
  const code = panel.querySelector<HTMLElement>('code')!;
  const copy = panel.querySelector<HTMLButtonElement>('.viewer-copy')!;
  const status = panel.querySelector<HTMLElement>('.viewer-copy-status')!;

  const setOpen = (open: boolean): void => {
    toggle.setAttribute('aria-pressed', String(open));
    panel.hidden = !open;
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      status.textContent = 'Copied';
    } catch {
      // No clipboard permission: select the text so Ctrl+C / ⌘C copies it.
      getSelection()?.selectAllChildren(code);
      status.textContent = 'Selected: press Ctrl+C to copy';
    }
    setTimeout(() => (status.textContent = ''), 2000);
  });

  return {
    show(source) {
      toggle.hidden = source === undefined;
      code.textContent = source ?? '';
      status.textContent = '';
      if (source === undefined) setOpen(false);
    },
  };
}
