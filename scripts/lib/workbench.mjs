// What the screenshot scripts do in the workbench through the keyboard, as a user would: run a palette command,
// open a file with quick open, put the cursor on a text (through Find). `page` is a Playwright page on code-server.
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function workbench(page) {
  return {
    async palette(command) {
      await page.keyboard.press('F1');
      await sleep(400);
      await page.keyboard.type(command, { delay: 10 });
      await sleep(500);
      await page.keyboard.press('Enter');
      await sleep(800);
    },
    async openFile(name) {
      await page.keyboard.press('Control+P');
      await sleep(400);
      await page.keyboard.type(name, { delay: 10 });
      await sleep(600);
      await page.keyboard.press('Enter');
      await sleep(1200);
    },
    /** Puts the cursor on the first occurrence of `text` in the active editor (through Find), then closes Find. */
    async cursorOn(text) {
      await page.keyboard.press('Control+F');
      await sleep(300);
      await page.keyboard.type(text, { delay: 5 });
      await page.keyboard.press('Enter');
      await sleep(300);
      await page.keyboard.press('Escape');
      await sleep(200);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
    },
  };
}
