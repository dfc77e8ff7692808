/**
 * Events of topic {@code documents.v1}, produced by document-service. Keyed by document id.
 * preregistration-service keeps from them the documents of each account it may use: valid ones, with their
 * nationality, classification and holder data.
 */
package mx.gob.inm.preregistro.contracts.documents;
