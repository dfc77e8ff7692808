import { api, type ApiResult } from '../api';
import { ask } from '../components/dialog';
import { setAlert } from '../components/form-errors';
import { fill, localDateTime } from '../format';
import { html, mount, type SafeHtml } from '../html';
import { language, t, type Dictionary } from '../i18n';
import { paths } from '../paths';
import { href, type Route, type RouteContext } from '../router';
import { asList, failureView, loadingView, problemView } from './signed-in';

/**
 * The operators' dead letters (R-OPS-4), for Keycloak's realm role `operator` (identity-service's `/api/ops`, which
 * checks the role; the account menu offers the page only to operators): the list (topic, service, time, error,
 * key), one letter inspected (its metadata and its payload pretty-printed, always as escaped text) and REPROCESAR,
 * which asks first and then shows what the server did.
 */
interface DeadLetter {
  /** `<dead-letter topic>:<partition>:<offset>`; the dead-letter topic is `<topic>-<service>-dlt`. */
  id: string;
  originalTopic?: string | null;
  key?: string | null;
  type?: string | null;
  eventId?: string | null;
  error?: string | null;
  deadAt?: string | null;
  value?: string | null;
  replayedAt?: string | null;
  replayedBy?: string | null;
  /** The record's own headers, when the API sends them. */
  headers?: Record<string, string> | null;
}

interface Replayed {
  id: string;
  replayedAt?: string;
  originalTopic?: string;
}

const ID = 'mensajes';
const API = '/api/ops/dead-letters';

/** The consuming service, read from the dead-letter topic's name (`documents.v1-preregistration-dlt`). */
export function serviceOf(letter: DeadLetter): string {
  const topic = letter.id.replace(/:\d+:\d+$/, '').replace(/-dlt$/, '');
  const original = letter.originalTopic ?? '';
  const name = original && topic.startsWith(original + '-') ? topic.slice(original.length + 1)
    : topic.slice(topic.lastIndexOf('-') + 1);
  return name ? `${name}-service` : '';
}

/** The payload as an operator reads it best: indented JSON when it is JSON, the text as it came otherwise. */
export function prettyPayload(value: string | null | undefined): string {
  if (!value) return '';
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

function when(iso: string | null | undefined): string {
  return iso ? localDateTime(iso, language()) : '';
}

function stateView(d: Dictionary, letter: DeadLetter): SafeHtml {
  const o = d.ops;
  return letter.replayedAt
    ? html`<span class="status status-approved" data-testid="dead-letter-state"
        title="${fill(o.replayedOn, { time: when(letter.replayedAt), operator: letter.replayedBy ?? '' })}">${o.replayed}</span>`
    : html`<span class="status" data-testid="dead-letter-state">${o.pending}</span>`;
}

function row(d: Dictionary, letter: DeadLetter): SafeHtml {
  const o = d.ops;
  return html`<tr data-testid="dead-letter-row" data-id="${letter.id}">
    <td>${letter.originalTopic ?? o.noValue}</td>
    <td>${serviceOf(letter)}</td>
    <td><time datetime="${letter.deadAt ?? ''}">${when(letter.deadAt)}</time></td>
    <td class="dead-letter-error">${letter.error ?? o.noValue}</td>
    <th scope="row" class="dead-letter-key">${letter.key ?? o.noValue}</th>
    <td>${stateView(d, letter)}</td>
    <td><a class="button button-small button-secondary" href="${href(paths.deadLetters, letter.id)}"
      data-testid="inspect-dead-letter" aria-label="${fill(o.inspectLabel, { id: letter.id })}">${o.inspect}</a></td>
  </tr>`;
}

function listView(d: Dictionary, letters: DeadLetter[]): SafeHtml {
  const o = d.ops;
  if (letters.length === 0) return html`<p class="empty" data-testid="dead-letters-empty">${o.empty}</p>`;
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${ID}-titulo">
    <table class="data-table" data-testid="dead-letters-table">
      <thead><tr><th scope="col">${o.topic}</th><th scope="col">${o.service}</th><th scope="col">${o.time}</th>
        <th scope="col">${o.error}</th><th scope="col">${o.key}</th><th scope="col">${o.state}</th>
        <th scope="col">${o.actions}</th></tr></thead>
      <tbody>${letters.map((letter) => row(d, letter))}</tbody>
    </table></div>`;
}

function entry(label: string, value: SafeHtml | string | null | undefined, noValue: string): SafeHtml {
  return html`<dt>${label}</dt><dd>${value === null || value === undefined || value === '' ? noValue : value}</dd>`;
}

function detailView(d: Dictionary, letter: DeadLetter): SafeHtml {
  const o = d.ops;
  const headers = Object.entries(letter.headers ?? {});
  return html`<section aria-labelledby="${ID}-encabezados">
      <h2 id="${ID}-encabezados">${o.headers}</h2>
      <dl class="account-info dead-letter-headers" data-testid="dead-letter-headers">
        ${entry(o.id, letter.id, o.noValue)}
        ${entry(o.topic, letter.originalTopic, o.noValue)}
        ${entry(o.service, serviceOf(letter), o.noValue)}
        ${entry(o.key, letter.key, o.noValue)}
        ${entry(o.type, letter.type, o.noValue)}
        ${entry(o.eventId, letter.eventId, o.noValue)}
        ${entry(o.time, html`<time datetime="${letter.deadAt ?? ''}">${when(letter.deadAt)}</time>`, o.noValue)}
        ${entry(o.error, letter.error, o.noValue)}
        ${entry(o.state, letter.replayedAt
          ? fill(o.replayedOn, { time: when(letter.replayedAt), operator: letter.replayedBy ?? '' }) : o.pending, o.noValue)}
        ${headers.map(([name, value]) => entry(name, value, o.noValue))}
      </dl>
    </section>
    <section aria-labelledby="${ID}-contenido">
      <h2 id="${ID}-contenido">${o.payload}</h2>
      <pre class="payload" tabindex="0" role="region" aria-label="${o.payloadLabel}"
        data-testid="dead-letter-payload"><code>${prettyPayload(letter.value)}</code></pre>
    </section>
    <p class="notice notice-success" id="${ID}-resultado" data-testid="replay-result" role="status" tabindex="-1" hidden></p>
    <div class="form-actions">
      ${letter.replayedAt ? '' : html`<button type="button" class="button button-primary" data-action="replay"
        data-testid="replay-dead-letter">${o.replay}</button>`}
      <a class="button" href="${href(paths.deadLetters)}">${o.backToList}</a>
    </div>`;
}

export const deadLettersPage: Route = {
  path: paths.deadLetters,
  title: (d) => d.ops.title,
  sectionIsInput: true,
  render: (d, context) => html`<div class="container page">
      <div class="page-header">
        <h1 id="${ID}-titulo" tabindex="-1">${context.section ? d.ops.detailTitle : d.ops.title}</h1>
        ${context.section ? '' : html`<p class="lead">${d.ops.lead}</p>`}
      </div>
      ${context.section ? html`<p><a href="${href(paths.deadLetters)}">${d.ops.backToList}</a></p>` : ''}
      <div class="form-alert" id="${ID}-aviso" role="alert" tabindex="-1" hidden></div>
      <div id="${ID}-contenido-pagina">${loadingView(d)}</div>
    </div>`,
  mounted(root, context) {
    new DeadLetters(root, context).start();
  },
};

class DeadLetters {
  private readonly box: HTMLElement;
  private shown: DeadLetter | null = null;

  constructor(private readonly root: HTMLElement, private readonly context: RouteContext) {
    this.box = root.querySelector<HTMLElement>(`#${ID}-contenido-pagina`)!;
  }

  start(): void {
    if (this.context.section) void this.inspect(this.context.section);
    else void this.list();
    this.box.addEventListener('click', (event) => {
      const replay = (event.target as Element).closest<HTMLButtonElement>('[data-action="replay"]');
      if (replay && this.context.section) void this.replay(this.context.section, replay);
    });
  }

  private failure<T>(d: Dictionary, result: ApiResult<T>): SafeHtml {
    if (!result.ok && result.status === 403) return problemView(d.ops.operatorsOnly);
    return failureView(d, result, d.ops.notFound);
  }

  private async list(): Promise<void> {
    const result = await api.get<unknown>(API);
    if (!this.box.isConnected) return;
    const d = t();
    mount(this.box, result.ok ? listView(d, asList<DeadLetter>(result.data)) : this.failure(d, result));
  }

  private async inspect(id: string): Promise<void> {
    const result = await api.get<DeadLetter>(`${API}/${encodeURIComponent(id)}`);
    if (!this.box.isConnected) return;
    const d = t();
    this.shown = result.ok ? result.data : null;
    mount(this.box, result.ok ? detailView(d, result.data) : this.failure(d, result));
  }

  /** REPROCESAR: asks first, then sends the letter back to its topic once and says so (or why not). */
  private async replay(id: string, button: HTMLButtonElement): Promise<void> {
    const d = t();
    const o = d.ops;
    const topic = this.shown?.originalTopic ?? '';
    const confirmed = await ask(fill(o.confirmReplay, { id, topic }), { okLabel: o.replay, cancelLabel: d.common.cancel });
    if (!confirmed || !this.box.isConnected) return;
    const alert = this.root.querySelector<HTMLElement>(`#${ID}-aviso`);
    setAlert(alert, null);
    button.setAttribute('aria-disabled', 'true');
    const result = await api.post<Replayed>(`${API}/${encodeURIComponent(id)}/replay`, {});
    if (!this.box.isConnected) return;
    if (!result.ok) {
      button.removeAttribute('aria-disabled');
      const reason = result.status === 403 ? o.operatorsOnly : result.status === 404 ? o.notFound
        : [result.problem.title, result.problem.detail].filter(Boolean).join(' ');
      setAlert(alert, [o.replayFailed, reason].filter(Boolean).join(' '), true);
      return;
    }
    await this.inspect(id);
    const message = this.root.querySelector<HTMLElement>(`#${ID}-resultado`);
    if (!message) return;
    message.textContent = fill(o.replayDone, { topic: result.data?.originalTopic ?? topic, time: when(result.data?.replayedAt) });
    message.hidden = false;
    message.focus();
  }
}
