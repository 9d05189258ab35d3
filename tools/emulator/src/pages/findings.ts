import type { EmulatorContext } from '../context';
import { markup, type Markup } from './markup';

/** The validator's findings and the app's load problems, first on the home page when there are any. */
export function findingsCard(context: EmulatorContext): Markup | null {
  const { errors, warnings } = context.findings;
  const problems = context.app.problems;
  if (errors.length + warnings.length + problems.length === 0) return null;
  const total = errors.length + problems.length;
  return markup`<section class="card findings" id="findings" role="alert" data-testid="findings">
    <h2>${total} ${total === 1 ? 'problem' : 'problems'}${warnings.length ? markup`, ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}` : null} in this app</h2>
    <div class="body"><ul>
      ${problems.map((problem) => markup`<li class="error">${problem}</li>`)}
      ${errors.map((f) => markup`<li class="error"><code>${f.file}</code> ${f.location} ${f.message} <span class="muted">(${f.rule})</span></li>`)}
      ${warnings.map((f) => markup`<li class="warning"><code>${f.file}</code> ${f.location} ${f.message} <span class="muted">(${f.rule})</span></li>`)}
    </ul>
    <p class="muted">The emulator still serves what it can. Fix these and it reloads.</p></div>
  </section>`;
}
