/** Events a partner's webhook can subscribe to. */
export const offerEvents = ["offer.published", "offer.updated", "offer.closed"] as const;
export type OfferEvent = (typeof offerEvents)[number];
