/**
 * Spanish texts (the first language). Wording follows the INM user manual
 * (spec/user-manual-es.txt): button names in capitals as on screen, "usted" form.
 * en.ts must provide the same keys: its type is this object's type.
 */
import { servicesEs } from './services-es';
import { opsEs } from './ops-es';

export const es = {
  meta: {
    siteTitle: 'Pre-Registro | INM',
    description:
      'Plataforma de Pre-Registro electrónico de viaje de nacionales colombianos a México, del Portal de Servicios del Instituto Nacional de Migración.',
  },
  skipLink: 'Saltar al contenido principal',
  /** Button names as the manual writes them; every screen uses these. */
  actions: {
    createAccount: 'CREAR CUENTA',
    signIn: 'INGRESAR',
    recover: 'REALIZAR RECUPERACIÓN',
    cancel: 'CANCELAR',
    registerDocuments: 'REGISTRAR DOCUMENTOS',
    captureDocument: 'CAPTURAR DOCUMENTO',
    takePhoto: 'CAPTURAR FOTO',
    uploadImage: 'CARGAR IMAGEN',
    savePhoto: 'GUARDAR FOTO',
    validateDocument: 'VALIDAR DOCUMENTO',
    register: 'REGISTRAR',
    startServices: 'INICIAR SERVICIOS',
    continue: 'CONTINUAR',
    next: 'SIGUIENTE',
    sendInformation: 'ENVIAR INFORMACIÓN',
    changePassword: 'CAMBIAR CONTRASEÑA',
  },
  header: {
    institute: 'Instituto Nacional de Migración',
    portal: 'Portal de Servicios — Pre-Registro',
  },
  account: {
    menu: 'Menú de la cuenta',
    info: 'Información',
    help: 'Ayuda',
    signOut: 'Cerrar Sesión',
    confirmSignOut: '¿Desea cerrar su sesión?',
    accept: 'ACEPTAR',
    cancel: 'CANCELAR',
    infoTitle: 'Información de la cuenta',
    infoIntro: 'Datos de su cuenta. Una vez guardados no se pueden modificar.',
    email: 'Correo electrónico',
    name: 'Nombre',
    nationality: 'Nacionalidad',
    birthDate: 'Fecha de nacimiento',
    loading: 'Cargando la información de su cuenta…',
    notSignedIn: 'Ingrese para ver la información de su cuenta.',
    dataTitle: 'Sus datos personales',
    dataIntro:
      'Puede descargar los datos personales que la plataforma tiene de usted (acceso) o cancelar su cuenta (cancelación), como lo prevén sus derechos ARCO.',
    download: 'DESCARGAR MIS DATOS',
    downloaded: 'Sus datos se descargaron en el archivo mis-datos.json.',
    close: 'CANCELAR CUENTA',
    confirmClose:
      '¿Desea cancelar su cuenta? Sus datos personales se eliminarán, sus Pre-Registros aprobados se cancelarán y ya no podrá ingresar. Solo se conservan los registros que la ley exige. Esta acción no se puede deshacer.',
    keep: 'REGRESAR',
    closed:
      'Su cuenta fue cancelada. Recibirá la confirmación en su correo electrónico. Para terminar, cierre su sesión.',
  },
  nav: {
    label: 'Navegación principal',
    home: 'Inicio',
    help: 'Ayuda del Portal',
    privacy: 'Aviso de Privacidad',
  },
  language: {
    label: 'Idioma',
    es: 'Español',
    en: 'English',
  },
  welcome: {
    title: 'Antes de iniciar con el registro de su cuenta',
    intro:
      'Es importante que lea la siguiente información, como ayuda para tener lo necesario para el registro en la Plataforma de Pre-Registro.',
    readyTitle: 'Tenga a la mano',
    ready: [
      'Una cuenta de correo electrónico vigente a la que tenga acceso: ahí recibirá el enlace «Activar cuenta» de alertas.sistemas@inami.gob.mx (vigente 72 horas), su QR y su Forma Migratoria Múltiple Electrónica (FMME).',
      'Su pasaporte vigente, con una vigencia mínima de 6 meses, para capturarlo con la cámara de su dispositivo o cargar una imagen PNG, JPG o JPEG de máximo 2 MB.',
      'Si cuenta con Residencia Temporal o Permanente: su tarjeta de residente, con el Número Único de Extranjero (NUE), y un comprobante de domicilio en México.',
      'Si su documento es diplomático: su Carné de acreditación expedido por la SRE y su folio.',
      'La información de su viaje: boleto de entrada y de salida, reserva de hospedaje e itinerario de viaje (archivos PDF, JPG o PNG de máximo 2 MB).',
    ],
    notesTitle: 'Considere que',
    notes: [
      'La cuenta NO podrá ser creada por una persona menor de 18 años.',
      'Se recomienda realizar el registro hasta con 24 horas de anticipación de su viaje.',
      'Es un servicio gratuito y de carácter particular.',
    ],
    consult: 'Elementos a consultar antes de iniciar con el registro de su cuenta en la Plataforma:',
    close: 'Cerrar',
    reopen: 'Ver qué necesita antes de registrarse',
  },
  home: {
    title: 'Pre-Registro electrónico de viaje',
    lead: 'Para personas de nacionalidad colombiana que viajan a México.',
    intro:
      'México y Colombia acuerdan el establecimiento de un Pre-Registro electrónico de viaje de colombianos a México. La plataforma le permite precargar la información relacionada con su viaje, para facilitar su ingreso y hacer más rápida la entrevista de control migratorio.',
    actionsTitle: 'Acceso a la Plataforma',
    createAccountHint: 'Para ingresar al Portal de Servicios del INM primero debe generar una cuenta.',
    signInHint: 'Si ya realizó este proceso, ingrese con su correo electrónico y contraseña.',
    whoTitle: '¿Quién debe realizar el Pre-Registro?',
    moreTitle: 'Consulte antes de iniciar',
    helpCard:
      'Requerimientos técnicos, consideraciones antes de iniciar, infografía del proceso, manual de usuario y preguntas frecuentes.',
    privacyCard: 'Para qué se usan sus datos personales y cómo ejercer sus derechos ARCO.',
  },
  considerations: {
    general: [
      'Si usted es de nacionalidad colombiana y desea ingresar a México, no importando el país donde resida, deberá realizar el Pre-Registro.',
      'Si usted cuenta con Residencia Temporal o Permanente, tendrá que llenar el Pre-Registro.',
      'Si usted cuenta con documento de identidad Diplomático, tendrá que llenar el Pre-Registro.',
      'Si tiene dos nacionalidades (colombiana y mexicana) e ingresa y sale del país con el pasaporte mexicano, no es necesario realizar el registro; en caso contrario, sí tendrá que realizar el Pre-Registro.',
      'No es necesario realizar el Pre-Registro si su vuelo es de conexión y no se internará en el país.',
      'La plataforma genera la Forma Migratoria Múltiple Electrónica (FMME), la cual es necesaria para internarse en México.',
      'Se recomienda realizar el registro hasta con 24 horas de anticipación de su viaje.',
      'Es un servicio gratuito y de carácter particular.',
    ],
    bringTitle: 'Se recomienda que lleve la siguiente información en el punto de ingreso al país:',
    bring: [
      'Documento de identidad vigente con el cual realizó su registro; en caso de que su documento sea diplomático se requiere el Carné de SRE.',
      'Tarjeta de residente temporal o permanente y comprobante de domicilio en el país.',
      'Boleto de salida.',
      'Reserva.',
      'Itinerario de viaje.',
      'Carta de invitación.',
    ],
  },
  help: {
    title: 'Ayuda del Portal',
    intro:
      'Material disponible para su consulta: requerimientos técnicos para un óptimo funcionamiento, consideraciones antes de iniciar, infografía con la descripción del proceso, manual de usuario y preguntas frecuentes.',
    tocLabel: 'Contenido de la ayuda',
    techTitle: 'Requerimientos técnicos',
    tech: [
      'Un navegador de internet actualizado: Google Chrome, Mozilla Firefox, Microsoft Edge o Safari, en una versión reciente.',
      'JavaScript y el almacenamiento local del navegador habilitados.',
      'Conexión a internet estable.',
      'Para CAPTURAR FOTO: una cámara en su equipo de cómputo o dispositivo móvil, con permiso de uso para el navegador. Si no cuenta con cámara, use CARGAR IMAGEN.',
      'Imagen del pasaporte en formato PNG, JPG o JPEG, de máximo 2 MB.',
      'Archivos adjuntos del Pre-Registro en formato PDF, JPG o PNG, de máximo 2 MB cada uno.',
      'Un lector de archivos PDF para abrir su QR y su FMME.',
      'Una pantalla de al menos 360 píxeles de ancho: la plataforma funciona en teléfonos, tabletas y computadoras.',
    ],
    considerationsTitle: 'Consideraciones antes de iniciar',
    processTitle: 'Infografía del proceso',
    processIntro: 'El Pre-Registro se realiza en ocho pasos:',
    steps: [
      {
        title: 'Crear cuenta',
        text: 'En la pantalla principal dé clic en CREAR CUENTA, capture sus datos, acepte el Aviso de Privacidad y capture el código captcha.',
      },
      {
        title: 'Activar cuenta',
        text: 'Busque el correo de alertas.sistemas@inami.gob.mx y dé clic en el texto «Activar cuenta». El enlace tiene una vigencia de 72 horas.',
      },
      {
        title: 'Ingresar',
        text: 'Capture su Correo Electrónico y su Contraseña, y dé clic en INGRESAR.',
      },
      {
        title: 'Registrar documento',
        text: 'Dé clic en REGISTRAR DOCUMENTOS, capture o cargue la imagen de su pasaporte, dé clic en VALIDAR DOCUMENTO, verifique los datos y dé clic en REGISTRAR.',
      },
      {
        title: 'Iniciar servicios',
        text: 'Elija su documento en Documentos registrados, dé clic en INICIAR SERVICIOS y después en Pre-registro.',
      },
      {
        title: 'Llenar el Pre-Registro',
        text: 'Información del Viaje, Información Adicional, Control Migratorio y Terminar Registro, con SIGUIENTE en cada paso; al final, ENVIAR INFORMACIÓN.',
      },
      {
        title: 'Recibir QR y FMME',
        text: 'Si la información cumple con los requisitos, descargue su QR en Historial de Registros; también lo recibirá por correo, junto con la FMM.',
      },
      {
        title: 'Presentarse en el punto de ingreso',
        text: 'Lleve su documento de identidad vigente y la información de su viaje.',
      },
    ],
    manualTitle: 'Manual de usuario',
    manualIntro:
      'A continuación se describen los apartados del Portal de Servicios del INM conforme al flujo de operación. Dé clic en cada título para ver su contenido.',
    chapters: [
      {
        title: 'Crear cuenta',
        items: [
          'En la pantalla principal dé clic en el botón CREAR CUENTA; si ya realizó este proceso, diríjase al apartado INGRESAR.',
          'Capture y/o seleccione la información solicitada y dé clic en el botón CREAR CUENTA.',
          'La cuenta NO podrá ser creada por una persona menor de 18 años.',
          'Los campos con asterisco (*) y marcados en color rojo son de captura obligatoria; se pintan en color verde los campos que ha ido capturando.',
          'La contraseña debe ser de mínimo 8 caracteres y estar conformada por al menos un número, una letra mayúscula, una letra minúscula y un carácter especial (! @ # $ % ^ & *); no se permiten (. ñ Ñ).',
          'Para generar un nuevo código captcha presione el icono de actualizar.',
          'REVISE QUE LOS DATOS SEAN CORRECTOS, YA QUE UNA VEZ GUARDADOS NO SE PODRÁN MODIFICAR.',
          'Después le llegará una notificación a su correo electrónico: busque el correo de alertas.sistemas@inami.gob.mx y dé clic en el texto «Activar cuenta».',
        ],
      },
      {
        title: 'Recuperar cuenta',
        items: [
          'Hay dos tipos de recuperación: Recuperación de contraseña (en caso de olvido) y Enviar el enlace de activación (pasadas las 72 horas de vigencia para activar la cuenta).',
          'Capture el Correo electrónico, seleccione el Tipo Recuperación y coloque el Código Captcha.',
          'Dé clic en el botón REALIZAR RECUPERACIÓN; en caso de NO continuar, dé clic en el botón CANCELAR.',
          'Solo se podrá enviar el enlace de activación si la cuenta NO está activa. Para ambos tipos de recuperación se enviará una notificación al correo electrónico.',
        ],
      },
      {
        title: 'Ingresar al Portal de Servicios del INM',
        items: ['Capture el Correo Electrónico y la Contraseña, después dé clic en el botón INGRESAR.'],
      },
      {
        title: 'Pantalla principal',
        items: [
          'Opciones de la cuenta: muestra el nombre del titular de la cuenta; al seleccionar las tres líneas se despliegan Información, Contraseña, Ayuda y Cerrar Sesión.',
          'Ir al inicio: regresa a la pantalla inicial del sistema.',
          'Registrar documentos: permite hacer el registro de sus documentos.',
          'Documentos registrados: muestra los documentos que ha registrado previamente.',
          'Iniciar servicios: presenta los servicios en línea que puede realizar con el documento seleccionado.',
        ],
      },
      {
        title: 'Registrar documentos',
        items: [
          'Registre primero su documento de identidad válido y vigente (Pasaporte) con el botón REGISTRAR DOCUMENTOS.',
          'CAPTURAR DOCUMENTO ofrece dos opciones: CAPTURAR FOTO, con la cámara (ajuste el recuadro verde al pasaporte y dé clic en CAPTURAR FOTO), o CARGAR IMAGEN, desde su dispositivo.',
          'En ambos casos ajuste el recuadro azul sobre la imagen y dé clic en GUARDAR FOTO.',
          'La imagen debe tener formato PNG, JPG o JPEG y un tamaño máximo de 2 MB.',
          'Dé clic en VALIDAR DOCUMENTO: algunos campos tomarán la información del documento (según la calidad de la imagen); verifique y capture los datos restantes y dé clic en REGISTRAR, o en CANCELAR si no desea registrarlo.',
          'El pasaporte debe tener una vigencia mínima de 6 meses. Revise que la fecha de nacimiento sea correcta. Si tiene doble nacionalidad, coloque la misma nacionalidad que se muestra en el documento. Si su documento es diplomático, indíquelo en la clasificación del documento.',
          'UNA VEZ GUARDADOS LOS DATOS NO SE PODRÁN MODIFICAR.',
          'Podrá eliminar un documento solo si NO tiene ningún registro de servicio asociado. Un documento vencido ya no podrá ser utilizado para asociar servicios.',
        ],
      },
      {
        title: 'Pre-registro',
        items: [
          'El servicio de Pre-registro se muestra solo para la nacionalidad colombiana: dé clic sobre la imagen de Pre-registro.',
          'El proceso tiene tres variantes: I. Cuenta con NUE (residente temporal o permanente); II. Cuenta con documento Diplomático (Folio Carné SRE); III. No cuenta con NUE. El NUE o el Folio Carné SRE solo se capturan la primera vez.',
          'Llene Información del Viaje, Información Adicional y Control Migratorio (responda todas las preguntas), y dé clic en SIGUIENTE en cada paso.',
          'En Terminar Registro adjunte los archivos. Con NUE: Boleto de salida – su Tarjeta de Residente, y Hospedaje – su Comprobante de Domicilio. Con documento diplomático: su Carné de acreditación expedido por la SRE. Sin NUE: boleto de salida, hospedaje e itinerario, de forma individual.',
          'Lea los términos y/o condiciones y dé clic en ENVIAR INFORMACIÓN. El sistema muestra el mensaje de confirmación solo cuando la acción es exitosa.',
          'Sin NUE, la fecha de salida de México no debe ser mayor a 180 días. Le recomendamos tener a la mano su boleto de entrada.',
          'Si se muestra el mensaje «La información proporcionada en este Pre-Registro No Cumple con los Requisitos Solicitados», no se generará ningún archivo, y no podrá hacer un nuevo pre-registro antes de 3 horas.',
        ],
      },
      {
        title: 'Historial de Registros',
        items: [
          'Registro correcto: descargue el QR con su icono; podrá modificar el registro solo cuando su vuelo haya sido reprogramado.',
          'No cumple: la información no cumplió con los requisitos solicitados y no se generó ningún archivo.',
          'Cancelado: se generó un nuevo registro con la misma fecha de ingreso a México.',
          'No disponible: la fecha de ingreso ya pasó.',
          'Si el sistema muestra el mensaje «No fue posible enviar FMM, favor de intentar más tarde», dé clic en la imagen pintada de color rojo de la columna Descargar QR: en un lapso de 5 minutos recibirá dos correos, de notificaciones-inami@inami.gob.mx (liga para descargar la FMM) y de alertas.sistemas@inami.gob.mx (QR). Revise su bandeja de entrada o spam.',
          'NO OLVIDE DESCARGAR SUS ARCHIVOS.',
        ],
      },
      {
        title: 'Opciones de la cuenta',
        items: [
          'Información: muestra su correo electrónico, nombre, nacionalidad y fecha de nacimiento.',
          'Contraseña: capture los campos solicitados y dé clic en el botón CAMBIAR CONTRASEÑA.',
          'Ayuda: documentación y videos para conocer el sistema y su operación.',
          'Cerrar Sesión: le permite salir de manera correcta del sistema; se le pedirá confirmar.',
        ],
      },
    ],
    faqTitle: 'Preguntas frecuentes (FAQ)',
    faq: [
      {
        q: '¿Quién debe realizar el Pre-Registro?',
        a: 'Toda persona de nacionalidad colombiana que desee ingresar a México, no importando el país donde resida, incluso si cuenta con Residencia Temporal o Permanente o con documento Diplomático.',
      },
      { q: '¿Tiene algún costo?', a: 'No. Es un servicio gratuito y de carácter particular.' },
      {
        q: '¿Con cuánta anticipación debo realizarlo?',
        a: 'Se recomienda realizar el registro hasta con 24 horas de anticipación de su viaje.',
      },
      {
        q: 'Mi vuelo solo hace conexión en México, ¿debo realizarlo?',
        a: 'No es necesario realizar el Pre-Registro si su vuelo es de conexión y no se internará en el país.',
      },
      {
        q: 'Tengo nacionalidad colombiana y mexicana, ¿debo realizarlo?',
        a: 'Si ingresa y sale de México con el pasaporte mexicano, no es necesario. En caso contrario, sí tendrá que realizar el Pre-Registro.',
      },
      {
        q: 'No recibí el correo para activar mi cuenta.',
        a: 'Revise su bandeja de entrada y de spam, y busque el correo de alertas.sistemas@inami.gob.mx. El enlace tiene una vigencia de 72 horas; si ya venció, use la recuperación de cuenta con el tipo «Enviar el enlace de activación».',
      },
      {
        q: 'Olvidé mi contraseña.',
        a: 'Use la recuperación de cuenta con el tipo «Recuperación de contraseña»: recibirá una notificación en su correo electrónico.',
      },
      {
        q: '¿Puedo corregir los datos de mi cuenta o de mi documento?',
        a: 'No desde la plataforma: una vez guardados, los datos no se podrán modificar. Revíselos antes de guardar. Para solicitar su rectificación consulte el Aviso de Privacidad Integral.',
      },
      {
        q: 'Mi Pre-Registro «No Cumple con los Requisitos Solicitados», ¿qué hago?',
        a: 'No se genera ningún archivo. Podrá hacer un nuevo pre-registro para ese documento pasadas 3 horas.',
      },
      {
        q: 'Mi vuelo fue reprogramado.',
        a: 'En Historial de Registros podrá modificar un registro correcto solo cuando su vuelo haya sido reprogramado. Si hace un nuevo pre-registro con la misma fecha de ingreso a México, el anterior se cancela.',
      },
      {
        q: 'No recibí mi FMM o mi QR.',
        a: 'Si apareció el mensaje «No fue posible enviar FMM, favor de intentar más tarde», diríjase a Historial de Registros y dé clic en la imagen de color rojo de la columna Descargar QR; recibirá ambos correos en un lapso de 5 minutos.',
      },
    ],
    contactTitle: 'Comentarios y/o Dudas',
    contactText:
      'En caso de presentar dudas con el funcionamiento del sistema o de algún tema relacionado con el Pre-Registro, puede comunicarse al teléfono',
    socialText:
      'Recuerde que también a través de las redes sociales del Instituto puede compartir su comentario y/o duda:',
  },
  contact: {
    phone: '00 52 800 00 46264',
    phoneLabel: 'Teléfono',
    twitter: 'Twitter (X)',
    facebook: 'Facebook',
  },
  privacy: {
    title: 'Aviso de Privacidad Integral',
    subtitle: 'Plataforma de Pre-Registro del Portal de Servicios del Instituto Nacional de Migración',
    tocLabel: 'Contenido del aviso',
    responsibleTitle: 'Responsable del tratamiento',
    responsible:
      'El Instituto Nacional de Migración (INM), órgano administrativo desconcentrado de la Secretaría de Gobernación, es el responsable del tratamiento de los datos personales que se recaban en la Plataforma de Pre-Registro, los cuales se protegen conforme a la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados y demás normativa aplicable.',
    dataTitle: 'Datos personales que se recaban',
    data: [
      'De identificación: nombre(s), primer y segundo apellido, nacionalidad, fecha de nacimiento y sexo.',
      'De contacto: correo electrónico y teléfono.',
      'De su documento de identidad: la imagen del pasaporte y sus datos (tipo, país emisor, número, fecha de vencimiento y clasificación ordinaria o diplomática). La imagen con la que no se registre un documento se elimina a las 24 horas.',
      'Migratorios: el Número Único de Extranjero (NUE) o el Folio del Carné SRE, en su caso, y sus respuestas a las preguntas de Control Migratorio.',
      'De su viaje: fechas de ingreso y de salida, aeropuerto de llegada, aerolínea y vuelo, origen, motivo del viaje, hospedaje, ocupación y los archivos que adjunte (boletos, comprobantes, itinerario).',
    ],
    purposesTitle: 'Finalidades del tratamiento',
    purposesIntro: 'Sus datos personales se utilizan para las siguientes finalidades:',
    purposes: [
      'Crear, activar y administrar su cuenta en el Portal de Servicios del INM, y verificar que sea mayor de 18 años.',
      'Registrar y validar su documento de identidad, incluida la lectura automática de la zona de lectura mecánica del pasaporte.',
      'Realizar su Pre-Registro electrónico de viaje, determinar si cumple con los requisitos solicitados y, en su caso, generar la Forma Migratoria Múltiple Electrónica (FMME) y el comprobante QR.',
      'Enviarle por correo electrónico las notificaciones del servicio: activación y recuperación de la cuenta, QR y FMM.',
      'Facilitar su ingreso a México y permitir a las autoridades migratorias y de seguridad ejercer un control más preciso y sistemático del flujo de personas.',
      'Informar a las aerolíneas y aeropuertos, con los datos mínimos necesarios, si su Pre-Registro fue aprobado para el viaje que declaró.',
      'Elaborar estadísticas sin identificar a las personas.',
    ],
    legalTitle: 'Fundamento legal',
    legal:
      'Ley de Migración y su Reglamento; Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.',
    transfersTitle: 'Transferencias de datos personales',
    transfers:
      'Sus datos podrán transferirse a las autoridades competentes en materia migratoria y de seguridad cuando la ley lo permita o lo requiera; a las aerolíneas y aeropuertos que operan su viaje solo se comunica el resultado de su Pre-Registro, con los datos mínimos necesarios para identificarle. Sus datos no se utilizan con fines comerciales.',
    arcoTitle: 'Derechos ARCO',
    arcoIntro:
      'Usted puede ejercer en todo momento los derechos de acceso, rectificación, cancelación y oposición (derechos ARCO):',
    arco: [
      { term: 'Acceso', text: 'Conocer qué datos personales suyos se tienen y cómo se tratan.' },
      {
        term: 'Rectificación',
        text: 'Solicitar la corrección de sus datos cuando sean inexactos o estén incompletos. Los datos de la cuenta y del documento no se pueden modificar en la plataforma una vez guardados; su corrección se solicita por esta vía.',
      },
      {
        term: 'Cancelación',
        text: 'Solicitar que sus datos se eliminen de los registros, salvo aquellos que deban conservarse por disposición legal.',
      },
      {
        term: 'Oposición',
        text: 'Oponerse al tratamiento de sus datos para una finalidad específica, por una causa legítima.',
      },
    ],
    howTitle: 'Cómo ejercer sus derechos ARCO',
    how: [
      'En la plataforma: en «Información» del menú de su cuenta puede descargar sus datos personales (acceso) y cancelar su cuenta (cancelación).',
      'Presente su solicitud ante la Unidad de Transparencia del Instituto Nacional de Migración, o por medio de la Plataforma Nacional de Transparencia.',
      'Indique en su solicitud: su nombre y un medio para recibir notificaciones (por ejemplo, su correo electrónico); el documento que acredite su identidad y, en su caso, la de su representante; la descripción clara de los datos y del derecho que desea ejercer; y cualquier otro elemento que facilite localizar sus datos, como el correo electrónico de su cuenta en la plataforma.',
      'El ejercicio de los derechos ARCO es gratuito. La respuesta se le notificará en los plazos que establece la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.',
      'Si no está conforme con la respuesta, podrá interponer el recurso de revisión que prevé la misma ley.',
    ],
    howContact: 'Para orientación sobre el Pre-Registro puede comunicarse al teléfono',
    changesTitle: 'Cambios al aviso de privacidad',
    changes: 'Cualquier cambio a este aviso de privacidad se publicará en esta misma página de la plataforma.',
  },
  /** Messages of src/api.ts when the API gives no readable answer. */
  api: {
    networkError: 'No fue posible comunicarse con el Portal. Revise su conexión a Internet e intente de nuevo.',
    unexpectedError: 'El servicio no está disponible en este momento. Intente de nuevo en unos minutos.',
    /** A 429: `{wait}` is `waitSecond(s)`, `waitMinutes` or `waitHours` from Retry-After, else `waitMoment`. */
    tooManyRequests: 'Demasiadas solicitudes. Espere {wait} e intente de nuevo.',
    waitSecond: '1 segundo',
    waitSeconds: '{n} segundos',
    waitMinutes: '{n} minutos',
    waitHours: '{n} horas',
    waitMoment: 'un momento',
  },
  captcha: {
    label: 'Código Captcha',
    imageAlt: 'Imagen con el código captcha que debe escribir',
    loading: 'Cargando el código captcha…',
    refresh: 'Generar un nuevo código captcha',
    hint: 'Escriba los caracteres que aparecen en la imagen. Para generar un nuevo código presione el icono.',
    loadError: 'No fue posible cargar el código captcha.',
    retry: 'Reintentar',
    required: 'Escriba el código captcha.',
  },
  form: {
    required: 'obligatorio',
    requiredNote: 'Los campos con asterisco (*) son de captura obligatoria.',
    showPassword: 'Mostrar',
    hidePassword: 'Ocultar',
    fixErrors: 'Revise los campos marcados en rojo.',
    valid: 'correcto',
    newTab: '(se abre en una pestaña nueva)',
  },
  createAccount: {
    title: 'Crear cuenta',
    lead: 'Capture y/o seleccione la información solicitada y después dé clic en el botón CREAR CUENTA.',
    personalTitle: 'Datos personales',
    accessTitle: 'Datos de acceso',
    givenNames: 'Nombre(s)',
    firstSurname: 'Primer apellido',
    secondSurname: 'Segundo apellido',
    nationality: 'Nacionalidad',
    nationalityPlaceholder: 'Seleccione su nacionalidad',
    birthDate: 'Fecha de nacimiento',
    birthDateHint: 'La cuenta NO podrá ser creada por una persona menor de 18 años.',
    sex: 'Sexo',
    sexF: 'Mujer',
    sexM: 'Hombre',
    sexX: 'No binario',
    email: 'Correo electrónico',
    emailHint: 'A este correo llegará el enlace «Activar cuenta».',
    emailConfirmation: 'Confirmar correo electrónico',
    password: 'Contraseña',
    passwordConfirmation: 'Confirmar contraseña',
    rulesTitle: 'La contraseña debe tener:',
    rules: {
      length: 'Mínimo 8 caracteres',
      digit: 'Al menos un número',
      upper: 'Al menos una letra mayúscula',
      lower: 'Al menos una letra minúscula',
      special: 'Al menos un carácter especial: ! @ # $ % ^ & *',
      allowed: 'Ningún otro carácter (no se permiten . ñ Ñ, acentos ni espacios)',
    },
    ruleMet: 'cumple',
    ruleUnmet: 'no cumple',
    privacyBefore: 'He leído y acepto el ',
    privacyLink: 'Aviso de Privacidad Integral',
    privacyAfter: '.',
    warning: 'REVISAR QUE LOS DATOS SEAN CORRECTOS, YA QUE UNA VEZ GUARDADOS NO SE PODRÁN MODIFICAR.',
    warningDetail: 'Su nombre, fecha de nacimiento y nacionalidad no podrán cambiarse después de crear la cuenta.',
    sending: 'Creando su cuenta…',
    errors: {
      required: 'Este campo es obligatorio.',
      tooLong: 'Máximo 60 caracteres.',
      nationality: 'Seleccione su nacionalidad.',
      birthDate: 'Capture una fecha de nacimiento válida.',
      birthDateFuture: 'La fecha de nacimiento no puede ser posterior a hoy.',
      underAge: 'La cuenta NO podrá ser creada por una persona menor de 18 años.',
      sex: 'Seleccione una opción.',
      email: 'Capture un correo electrónico válido, por ejemplo nombre@dominio.com.',
      emailMismatch: 'Los correos electrónicos no coinciden.',
      password: 'La contraseña no cumple con las reglas indicadas.',
      passwordMismatch: 'Las contraseñas no coinciden.',
      privacy: 'Debe aceptar el Aviso de Privacidad Integral para crear su cuenta.',
    },
    successTitle: 'Confirmación de registro de la cuenta',
    successText:
      'Su cuenta fue registrada. Le llegará una notificación a la cuenta de correo electrónico que indicó: busque el correo de alertas.sistemas@inami.gob.mx y dé clic en el texto «Activar cuenta».',
    successValidity: 'El enlace de activación tiene una vigencia de 72 horas. Revise también su carpeta de correo no deseado.',
    successHome: 'Ir al inicio',
  },
  activation: {
    title: 'Activar cuenta',
    working: 'Estamos activando su cuenta…',
    successTitle: 'Su cuenta ha sido activada',
    successText: 'Ya puede ingresar al Portal de Servicios del INM con su correo electrónico y contraseña.',
    expiredTitle: 'El enlace de activación ha expirado',
    expiredText:
      'La liga de activación solo tiene una vigencia de 72 horas. Solicite un nuevo enlace de activación en Recuperar cuenta.',
    expiredLink: 'Recuperar cuenta',
    usedTitle: 'Este enlace ya fue utilizado',
    usedText: 'Su cuenta ya está activa. Ingrese con su correo electrónico y contraseña.',
    invalidTitle: 'El enlace de activación no es válido',
    invalidText:
      'Revise que abrió completo el enlace «Activar cuenta» del correo de alertas.sistemas@inami.gob.mx, o solicite uno nuevo en Recuperar cuenta.',
    errorTitle: 'No fue posible activar su cuenta',
    retry: 'Reintentar',
    home: 'Ir al inicio',
  },
  signInFailed: {
    title: 'No fue posible ingresar',
    text: 'La página de ingreso expiró, se envió dos veces o el servicio de ingreso no respondió. Intente de nuevo.',
  },
  notFound: {
    title: 'Página no disponible',
    text: 'La página que busca no existe o aún no está disponible.',
    back: 'Ir al inicio',
  },
  footer: {
    contactTitle: 'Comentarios y/o Dudas',
    free: 'El Pre-Registro es un servicio gratuito y de carácter particular.',
    linksLabel: 'Enlaces del pie de página',
    privacy: 'Aviso de Privacidad Integral',
    help: 'Ayuda del Portal',
  },
  ...servicesEs,
  ...opsEs,
};

export type Dictionary = typeof es;
