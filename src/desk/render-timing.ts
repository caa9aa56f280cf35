// Marks how long a view took to show an answer of the API: from the answer's arrival (api.ts marks
// it) to the view's DOM being in place, and to the next frame. scripts/measure-desk.ts reads these
// performance measures in the browser; nothing here changes what the page does.
import { useLayoutEffect } from 'react';

export function useRenderTiming(name: string, operation: string, data: unknown): void {
  useLayoutEffect(() => {
    if (!data) return;
    const answers = performance.getEntriesByName(`desk:answer:${operation}`, 'mark');
    const answer = answers[answers.length - 1];
    if (!answer) return;
    performance.measure(`desk:${name}:dom`, { start: answer.startTime, end: performance.now() });
    requestAnimationFrame(() => {
      setTimeout(() => performance.measure(`desk:${name}:frame`, { start: answer.startTime, end: performance.now() }), 0);
    });
  }, [name, operation, data]);
}
