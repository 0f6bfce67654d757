import { expect, type Page } from '@playwright/test';

/** What a learner does on a lesson page, by role and label. */
export class LessonPage {
  constructor(readonly page: Page) {}

  async open(slug: string) {
    await this.page.goto(`/lessons/${slug}`);
    await expect(this.title).toBeVisible();
  }

  get title() {
    return this.page.getByRole('heading', { level: 1 });
  }

  section(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  get exampleTabs() {
    return this.page.getByRole('tablist', { name: 'Example language' });
  }

  tab(name: 'TypeScript' | 'Python') {
    return this.exampleTabs.getByRole('tab', { name });
  }

  get visibleExample() {
    return this.page.getByRole('tabpanel');
  }
}
