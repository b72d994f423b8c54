import { html } from 'lit';
import { ApiError, type Session } from './api.js';
import { ConsolePage, errorSummary, focusAfterRender, setTitle, textField, type Problem } from './ui.js';

/** Seconds as "1 minute", "15 minutes", "1 hour". */
function wait(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/**
 * Sign in with email and password. Problems follow GOV.UK: a summary that takes focus and links to each
 * field, and the message again above the field. Too many attempts (429) says when to try again.
 * Fires `console-signed-in` with the session.
 */
export class ConsoleSignIn extends ConsolePage {
  static override properties = { ...ConsolePage.properties, problems: { state: true }, busy: { state: true } };
  declare problems: Problem[];
  declare busy: boolean;

  constructor() {
    super();
    this.problems = [];
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    setTitle('Sign in');
  }

  async #submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const problems: Problem[] = [];
    if (!email) problems.push({ field: 'email', message: 'Enter your email address' });
    else if (!/^[^\s@]+@[^\s@]+$/.test(email))
      problems.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.gov.uk' });
    if (!password) problems.push({ field: 'password', message: 'Enter your password' });
    if (!problems.length) {
      this.busy = true;
      try {
        const session = await this.api.signIn(email, password);
        this.dispatchEvent(new CustomEvent<Session>('console-signed-in', { bubbles: true, detail: session }));
        return;
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) {
          const seconds = error.retryAfter ?? 900;
          const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString('en-GB', {
            hour: 'numeric',
            minute: '2-digit',
            hour12: true,
          });
          problems.push({
            message: `Too many failed attempts to sign in. Try again in ${wait(seconds)} (at ${at.replace(/\s/g, '')}).`,
          });
        } else if (error instanceof ApiError && error.status === 401) {
          problems.push({ field: 'email', message: 'Enter a correct email address and password' });
        } else if (error instanceof ApiError) {
          problems.push({ message: error.message });
        } else {
          problems.push({ message: 'Something went wrong. Try again.' });
        }
      } finally {
        this.busy = false;
      }
    }
    this.problems = problems;
    setTitle('Sign in', { error: problems.length > 0 });
    await focusAfterRender(this, '.error-summary');
  }

  protected override render() {
    const { problems } = this;
    return html`<div class="grid-two-thirds">
      ${errorSummary(problems)}
      <h1 class="heading-l" tabindex="-1">Sign in</h1>
      <p>Sign in to see and run your consultations.</p>
      <form novalidate @submit=${this.#submit}>
        ${textField(problems, {
          id: 'email',
          name: 'email',
          label: 'Email address',
          type: 'email',
          autocomplete: 'username',
          spellcheck: 'false',
          maxlength: 254,
        })}
        ${textField(problems, {
          id: 'password',
          name: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'current-password',
          maxlength: 1024,
        })}
        <button class="button" type="submit" ?disabled=${this.busy}>Sign in</button>
      </form>
    </div>`;
  }
}
