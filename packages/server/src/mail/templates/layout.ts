import { html, type SafeHtml } from "../html.js";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** A call-to-action link, as a button in HTML and as a plain URL in text. */
export function button(url: string, label: string): SafeHtml {
  return html`<p style="margin:24px 0"><a href="${url}" style="background:#000091;color:#ffffff;padding:12px 20px;text-decoration:none;font-weight:bold;display:inline-block">${label}</a></p>
<p style="font-size:13px;color:#666666">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><a href="${url}" style="color:#000091;word-break:break-all">${url}</a></p>`;
}

export function paragraph(text: string): SafeHtml {
  return html`<p style="margin:0 0 16px 0">${text}</p>`;
}

/**
 * The frame of every email: simple, readable on a phone, no images (blocked by many clients),
 * the French state colours, and a text version with the same content.
 */
export function layout(options: {
  subject: string;
  preheader?: string;
  body: SafeHtml;
  text: string;
  publicUrl: string;
}): RenderedEmail {
  const page = html`<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${options.subject}</title></head>
<body style="margin:0;padding:0;background:#f6f6f6;font-family:Marianne,Arial,sans-serif;color:#161616;line-height:1.5">
<span style="display:none;max-height:0;overflow:hidden">${options.preheader ?? ""}</span>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:600px;background:#ffffff" cellspacing="0" cellpadding="0">
<tr><td style="padding:20px 24px;border-bottom:4px solid #000091"><strong style="font-size:20px">Tremplin</strong><br><span style="font-size:13px;color:#666666">L'alternance, du besoin à l'embauche</span></td></tr>
<tr><td style="padding:24px">${options.body}</td></tr>
<tr><td style="padding:16px 24px;font-size:12px;color:#666666;border-top:1px solid #dddddd">Ce message vous est envoyé par Tremplin (${options.publicUrl}). Merci de ne pas y répondre directement.</td></tr>
</table></td></tr></table>
</body>
</html>`;
  const text = `${options.text.trim()}\n\n--\nTremplin — L'alternance, du besoin à l'embauche\n${options.publicUrl}\nMerci de ne pas répondre directement à ce message.\n`;
  return { subject: options.subject, html: page.value, text };
}
