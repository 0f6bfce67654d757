import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The editor, toolbar and output panel, as a learner uses them: by role and label. */
export class Workbench {
  constructor(readonly page: Page) {}

  async open(path = '/lessons/chat-completions') {
    await this.page.goto(path);
    await this.ready();
  }

  /** Waits until Monaco is mounted and its Ctrl+Enter action registered. */
  async ready() {
    // On a phone the playground's editor waits for a tap (EditorIsland's loadOnPhones): tap it as a learner would.
    const loaded = this.page.locator('[data-editor-ready="true"]');
    const waiting = this.page.locator('[data-editor-state="waiting"]');
    await expect(loaded.or(waiting).first()).toBeVisible({ timeout: 30_000 });
    if (await waiting.count()) await waiting.getByRole('group', { name: /Code editor/ }).click();
    await expect(loaded).toBeVisible({ timeout: 30_000 });
    await expect(this.lines).toBeVisible();
  }

  /**
   * Waits until the editor is mounted, its text is coloured by the tokenizer (several token classes on screen) and
   * its background is the Tokenwise theme's for this colour scheme, so an accessibility check covers the editor
   * every time rather than whatever had loaded by then.
   */
  async renderedWithTheme(colorScheme: 'light' | 'dark') {
    await this.ready();
    await expect
      .poll(
        () =>
          this.lines.evaluate((el) => {
            const classes = new Set<string>();
            for (const span of el.querySelectorAll('span[class*="mtk"]')) {
              for (const name of span.classList) if (/^mtk\d+$/.test(name)) classes.add(name);
            }
            return classes.size;
          }),
        { timeout: 15_000, message: 'the editor shows tokens in several colours' },
      )
      .toBeGreaterThanOrEqual(3);
    const background = colorScheme === 'dark' ? 'rgb(24, 24, 27)' : 'rgb(255, 255, 255)';
    await expect(this.page.locator('.monaco-editor .monaco-editor-background').first()).toHaveCSS('background-color', background);
  }

  get lines(): Locator {
    return this.page.locator('.monaco-editor .view-lines').first();
  }

  button(name: string | RegExp) {
    return this.page.getByRole('toolbar', { name: 'Program' }).getByRole('button', { name });
  }

  get run() {
    return this.button(/^Run/);
  }

  get stop() {
    return this.button('Stop');
  }

  get console() {
    return this.page.getByRole('log', { name: 'Console output' });
  }

  get status() {
    return this.page.getByTestId('run-status');
  }

  get inspector() {
    return this.page.getByRole('region', { name: 'Response inspector' });
  }

  get drill() {
    return this.page.getByLabel('Error drill');
  }

  /**
   * Focuses the editor's text through its input element, not by a click: the lines scroll inside the editor, so
   * any fixed point on them may lie outside its visible part, under the toolbar or the output.
   */
  async focus() {
    const input = this.page.locator('.monaco-editor').first().locator('textarea, .native-edit-context').first();
    await input.focus();
    await expect(this.page.locator('.monaco-editor.focused').first()).toBeVisible();
  }

  /** Types a line at the top of the program, as a learner's first edit. */
  async typeAtStart(line: string) {
    await this.focus();
    await this.page.keyboard.press('ControlOrMeta+Home');
    await this.page.keyboard.insertText(`${line}\n`);
  }

  /** Replaces the whole program (typed as text input, so Monaco's auto-indent may re-indent lines). */
  async setCode(code: string) {
    await this.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(code);
  }

  /** Runs with the keyboard shortcut and waits for the run to end. */
  async runWithShortcut({ timeout = 20_000 } = {}) {
    await this.focus();
    await this.page.keyboard.press('ControlOrMeta+Enter');
    await this.finished(timeout);
  }

  async finished(timeout = 20_000) {
    await expect(this.status).toHaveText(/^(Finished|Failed|Stopped)/, { timeout });
  }

  errorClass() {
    return this.page.getByTestId('error-class');
  }
}

/**
 * Fails a test whose browser asked for anything outside the app (blob: and data: URLs stay in the browser). The
 * app itself runs on localhost, so nothing leaves the machine.
 */
export function recordForeignRequests(
  context: BrowserContext,
  baseURL: string,
  allowed: string[] = [],
): string[] {
  const origin = new URL(baseURL).origin;
  const foreign: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'blob:' || url.protocol === 'data:') return;
    if (url.origin !== origin && !allowed.includes(url.origin)) foreign.push(request.url());
  });
  return foreign;
}
