"use client";
// A box that scrolls (display math, a table, a long formula or code on a phone: see globals.css; a list capped in
// height) must be reachable by keyboard to be scrolled (WCAG 2.1.1; axe's scrollable-region-focusable). The server
// cannot know which boxes overflow at the reader's width, so this marks them in the browser: focusable while they
// scroll, left alone otherwise (no extra tab stops on a wide screen). Runs after every change to the page.
import { useEffect } from "react";

const SCROLL_BOXES = '.math-display, .table-scroll, .katex, pre, [class*="overflow-auto"], [class*="overflow-x-auto"], [class*="overflow-y-auto"], [class*="overflow-scroll"]';
const MARK = "data-scroll-box";

/** Whether the reader can scroll the box (in a direction whose overflow is auto or scroll). */
function scrolls(box: HTMLElement): boolean {
  const style = getComputedStyle(box);
  const scrollable = (overflow: string) => overflow === "auto" || overflow === "scroll";
  return (scrollable(style.overflowX) && box.scrollWidth > box.clientWidth + 1) || (scrollable(style.overflowY) && box.scrollHeight > box.clientHeight + 1);
}

function update(): void {
  for (const box of document.querySelectorAll<HTMLElement>(SCROLL_BOXES)) {
    const scrolling = scrolls(box);
    if (scrolling && !box.hasAttribute("tabindex")) {
      box.tabIndex = 0;
      box.setAttribute(MARK, "");
    } else if (!scrolling && box.hasAttribute(MARK)) {
      box.removeAttribute("tabindex");
      box.removeAttribute(MARK);
    }
  }
}

export function ScrollBoxes() {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    };
    update();
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener("resize", schedule);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
      window.removeEventListener("resize", schedule);
    };
  }, []);
  return null;
}
