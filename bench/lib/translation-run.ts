/**
 * The parts of bench/translation.ts that are not measurement: Debian's Apertium server (APy)
 * started and stopped by the PID of the child spawned here, a counting HTTP proxy in front of it
 * (so "calls avoided" is what really reached the engine), loopback sockets for a Spanish shopper
 * and an English agent, and the texts they write.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, PROTOCOL_VERSION, VISITOR_NAMESPACE } from '../../packages/protocol/src/version.ts';
import { freePort } from './gateway-process.ts';

/** A running APy child process. */
export interface ApyProcess {
  url: string;
  /** SIGTERM to this child's PID, SIGKILL after 5 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Starts `apertium-apy -p <port> <modes>` and resolves once `GET /listPairs` answers 200. */
export async function startApy(modes = '/usr/share/apertium/modes', timeoutMs = 30_000): Promise<ApyProcess> {
  const port = await freePort();
  // APy refuses to start without a UTF-8 locale.
  const env = { ...process.env, LANG: process.env['LANG']?.includes('UTF-8') ? process.env['LANG'] : 'C.UTF-8' };
  const child = spawn('apertium-apy', ['-p', String(port), modes], { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4_000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that throws must not leave its APy behind: killed by this child's PID as we exit.
  const killOnExit = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
    process.off('exit', killOnExit);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/listPairs`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`apertium-apy did not answer /listPairs within ${timeoutMs} ms: ${stderr}`);
}

/** What reached the engine through the proxy. */
export interface ProxyCounts {
  translateCalls: number;
  /** Characters of `q` sent to `/translate` (after the gateway's shielding). */
  translateChars: number;
  /** Every `/translate` langpair, in order. */
  langpairs: string[];
}

/** A counting pass-through proxy in front of APy. */
export interface CountingProxy {
  url: string;
  counts(): ProxyCounts;
  close(): Promise<void>;
}

/** Forwards every GET to `target` and counts the `/translate` requests and their characters. */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const counts: ProxyCounts = { translateCalls: 0, translateChars: 0, langpairs: [] };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', target);
    if (url.pathname === '/translate') {
      counts.translateCalls += 1;
      counts.translateChars += (url.searchParams.get('q') ?? '').length;
      counts.langpairs.push(url.searchParams.get('langpair') ?? '');
    }
    request.resume();
    fetch(url, { method: request.method ?? 'GET' })
      .then(async (upstream) => {
        const body = Buffer.from(await upstream.arrayBuffer());
        response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        response.end(body);
      })
      .catch(() => {
        response.writeHead(502).end();
      });
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts, langpairs: [...counts.langpairs] }),
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A shopper on the demo site writing in `locale` from `country` (the PARLEY_COUNTRY_HEADER). */
export async function connectShopper(url: string, locale: string, country: string): Promise<{ socket: Socket; conversationId: string }> {
  const socket = io(`${url}${VISITOR_NAMESPACE}`, {
    transports: ['websocket'], reconnection: false, forceNew: true,
    auth: { siteKey: 'demo', protocolVersion: PROTOCOL_VERSION, locales: [locale] },
    extraHeaders: { 'x-country': country },
  });
  const session = await new Promise<{ conversationId: string }>((resolve, reject) => (socket.once('session:ready', resolve), socket.once('connect_error', reject)));
  sentAt.set(socket, { limit: 50, times: [] });
  return { socket, conversationId: session.conversationId };
}

/** A signed-in agent's `/agent` socket, once `agent:ready` has arrived. */
export async function connectAgent(url: string, email: string, password: string): Promise<Socket> {
  const response = await fetch(`${url}/v1/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const socket = io(`${url}${AGENT_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: { cookie } });
  await new Promise((resolve, reject) => (socket.once('agent:ready', resolve), socket.once('connect_error', reject)));
  sentAt.set(socket, { limit: 250, times: [] });
  return socket;
}

// The gateway gives each socket a packet budget (a token bucket: 60 per 10 s for a shopper, 300
// for an agent). Staying under ~5/6 of it in every sliding 10 s window never empties the bucket.
const sentAt = new WeakMap<Socket, { limit: number; times: number[] }>();

/** Waits (outside any timed window) until `socket` may send without meeting its packet budget. */
export async function pace(socket: Socket): Promise<void> {
  const budget = sentAt.get(socket);
  if (!budget) throw new Error('pace() needs a socket from connectShopper or connectAgent');
  const windowMs = 10_000;
  budget.times = budget.times.filter((at) => performance.now() - at < windowMs);
  if (budget.times.length >= budget.limit) await new Promise((resolve) => setTimeout(resolve, windowMs - (performance.now() - budget.times[0]!) + 5));
  budget.times.push(performance.now());
}

/** Emits an acked command and resolves with its `data`, or throws the coded error. */
export async function ask<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: true; data: T } | { ok: false; error: { code: string } };
  if (!ack.ok) throw new Error(`${event}: ${ack.error.code}`);
  return ack.data;
}

// Real customer-service Spanish; `{n}` is a small count (never an order number, which the
// gateway shields and so would share one cache entry), `{o}` an order number it shields.
const SPANISH = [
  '¿Dónde está mi pedido #{o}? Lo pedí hace {n} días.', 'Hace {n} días que espero el paquete y no ha llegado.', 'He recibido {n} camisetas, pero pedí otra talla.',
  'Quiero devolver {n} artículos del pedido #{o}.', '¿Cuánto tarda el envío a Valencia si pido {n} unidades?', 'El repartidor vino {n} veces y no dejó el paquete.',
  'Me han cobrado {n} veces el mismo pedido.', 'La caja llegó rota y faltan {n} piezas.', '¿Puedo cambiar la dirección de entrega? Me mudo en {n} días.',
  'Llevo {n} semanas esperando el reembolso del pedido #{o}.', 'El número de seguimiento no funciona desde hace {n} días.', '¿Tenéis tienda física? Estoy a {n} kilómetros de Madrid.',
  'Compré {n} pares de zapatos y uno es de otro color.', '¿Hay descuento si compro {n} chaquetas?', 'La talla {n} me queda pequeña, ¿puedo cambiarla?',
  'He intentado pagar {n} veces con tarjeta y da error.', '¿Por qué mi pedido #{o} lleva {n} días en aduanas?', 'Necesito la factura de mis {n} últimos pedidos.',
  'El producto dejó de funcionar a los {n} días.', '¿Cuántos días tengo para devolver {n} productos?', 'Quiero cancelar el pedido #{o}, lo hice hace {n} horas.',
  'El paquete dice entregado pero no lo tengo desde hace {n} días.', 'Me llegaron {n} cajas en lugar de una.', '¿Podéis enviar el pedido en {n} días? Es un regalo.',
  'La aplicación se cierra cada {n} minutos al pagar.', 'Os escribí {n} correos y nadie contesta.', '¿El precio incluye el IVA para {n} unidades?',
  'Mi cupón de {n} por ciento no se aplica.', 'Tengo {n} preguntas sobre la garantía.', 'El mensajero llega siempre después de las {n} de la tarde.',
  'Mi hijo tiene {n} años, ¿qué talla recomendáis?', '¿Cuándo vuelve a haber stock? Quiero {n} unidades.', 'La devolución del pedido #{o} tardó {n} semanas.',
  'Me falta {n} botón en el abrigo nuevo.', 'He esperado {n} minutos al teléfono y se cortó.', '¿Puedo recoger el pedido en {n} días en la oficina de correos?',
  'El color de las {n} sillas no es el de la foto.', '¿Hacéis envíos a Canarias? Son {n} paquetes.', 'Gracias, pero sigo sin respuesta después de {n} días.',
  'Quiero hablar con una persona, llevo {n} mensajes con el bot.',
];
const ENGLISH = [
  'Your parcel left our warehouse {n} days ago.', 'I have refunded {n} items to your card.', 'The courier will try again in {n} days.',
  'Please send us {n} photos of the damaged box.', 'I can offer you {n} percent off your next order.', 'Your replacement ships within {n} working days.',
  'You can return the {n} items free of charge.', 'The refund takes up to {n} days to show on your statement.', 'I have cancelled {n} of the duplicate charges.',
  'Customs usually hold parcels for {n} days.', 'I changed the delivery address; it arrives in {n} days.', 'We have {n} jackets in that size again.',
  'Size {n} is one size larger than the one you have.', 'I have sent the invoices for your last {n} orders.', 'The warranty covers {n} years for this product.',
  'Your coupon works for orders of {n} items or more.', 'Our courier delivers until {n} in the evening.', 'I have escalated your case; expect an answer in {n} hours.',
  'The new stock arrives in {n} weeks.', 'I am sorry you waited {n} minutes on the phone.', 'We ship to the Canary Islands in {n} days.',
  'You will receive {n} separate tracking numbers.', 'I have added {n} free samples to your order.', 'The chairs come in {n} colours.',
  'Please allow {n} days for the exchange.', 'I have reopened your case from {n} days ago.', 'The shoes run small; order {n} size up.',
  'Your order will be split into {n} parcels.', 'The collection point keeps parcels for {n} days.', 'I can hold the item for {n} days.',
  'The payment failed {n} times because the bank declined it.', 'Our app was fixed {n} hours ago; please try again.', 'We answer emails within {n} hours.',
  'The price includes VAT for all {n} units.', 'I have replaced the {n} missing pieces.', 'Your gift will arrive in {n} days.',
  'The discount applies to {n} jackets.', 'I have credited {n} euros to your account.', 'Thank you for waiting {n} days, it is on its way now.',
  'I will call you back in {n} minutes.',
];
/** `count` distinct Spanish shopper messages: every sentence × small counts from `first`. */
export const spanishMessages = (count: number, first = 2) => fill(SPANISH, count, first);
/** `count` distinct English agent replies, built the same way. */
export const englishMessages = (count: number, first = 2) => fill(ENGLISH, count, first);

function fill(templates: readonly string[], count: number, first: number): string[] {
  return Array.from({ length: count }, (_, i) => templates[i % templates.length]!
    .replace('{n}', String(first + Math.floor(i / templates.length)))
    .replace('{o}', String(40_000 + ((i * 7_919) % 60_000))));
}

/** The replayed conversation: one shopper line, then one agent line, numbers-free (uncached by the above). */
export const SCRIPT: ReadonlyArray<readonly [shopper: string, agent: string]> = [
  ['Hola, buenas tardes.', 'Hello, how can I help you today?'], ['Tengo un problema con mi compra.', 'I am sorry to hear that. What happened?'],
  ['El abrigo que pedí no ha llegado.', 'Let me check the delivery for you.'], ['Lo compré la semana pasada.', 'Thank you, I can see your order now.'],
  ['¿Sabéis dónde está?', 'It is at the local depot.'], ['¿Por qué no me lo han traído?', 'The courier could not find your door.'],
  ['Vivo en un tercer piso.', 'I will add that to the delivery notes.'], ['¿Cuándo lo traerán?', 'It should arrive tomorrow morning.'],
  ['¿Puedo recogerlo yo mismo?', 'Yes, you can collect it from the depot.'], ['¿Dónde está el almacén?', 'I will send you the address by email.'],
  ['¿Necesito llevar algún documento?', 'Please bring an identity card.'], ['¿Y si no puedo ir mañana?', 'They keep parcels for a week.'],
  ['Perfecto, me viene bien.', 'Great, is there anything else?'], ['Sí, quiero cambiar la talla.', 'Of course, which size would you like?'],
  ['Una talla más grande, por favor.', 'I have reserved the larger size for you.'], ['¿Tengo que pagar algo más?', 'No, the exchange is free.'],
  ['¿Cómo devuelvo el otro?', 'Use the return label in the box.'], ['No encuentro la etiqueta.', 'I will email you a new label.'],
  ['Muchas gracias por la ayuda.', 'You are welcome, have a nice day.'], ['Adiós.', 'Goodbye!'],
];
