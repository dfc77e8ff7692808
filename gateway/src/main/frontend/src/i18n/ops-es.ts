/**
 * Spanish texts of the operators' screens (R-OPS-4: mensajes no procesados, "dead letters"). Merged into es.ts;
 * ops-en.ts has the same keys.
 */
export const opsEs = {
  ops: {
    menu: 'Mensajes no procesados',
    title: 'Mensajes no procesados',
    lead: 'Eventos que un servicio no pudo procesar (dead letters). Revise el error, corrija la causa y después REPROCESAR el mensaje para enviarlo de nuevo a su tema original.',
    empty: 'No hay mensajes no procesados.',
    topic: 'Tema',
    service: 'Servicio',
    time: 'Fecha y hora',
    error: 'Error',
    key: 'Clave',
    type: 'Tipo de evento',
    state: 'Estado',
    actions: 'Acciones',
    pending: 'Pendiente',
    replayed: 'Reprocesado',
    replayedOn: 'Reprocesado el {time} por {operator}',
    inspect: 'Inspeccionar',
    inspectLabel: 'Inspeccionar el mensaje {id}',
    backToList: 'Volver a la lista de mensajes no procesados',
    detailTitle: 'Mensaje no procesado',
    headers: 'Encabezados',
    payload: 'Contenido',
    payloadLabel: 'Contenido del mensaje, con formato',
    id: 'Identificador (tema:partición:posición)',
    eventId: 'Id. del evento',
    noValue: '—',
    replay: 'REPROCESAR',
    confirmReplay: '¿Reprocesar el mensaje {id}? Se enviará de nuevo al tema {topic} una sola vez; los servicios que ya lo procesaron lo ignorarán.',
    replayDone: 'Mensaje reprocesado: se envió de nuevo al tema {topic} ({time}).',
    replayFailed: 'No se pudo reprocesar el mensaje.',
    notFound: 'El mensaje no existe o ya no se conserva.',
    operatorsOnly: 'Esta página es solo para operadores.',
  },
};
