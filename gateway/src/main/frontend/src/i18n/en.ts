import type { Dictionary } from './es';

/**
 * English texts (second language, beyond the manual). Same keys as es.ts, checked by the type.
 * Help texts name the buttons exactly as `actions` does, so help and screens match.
 */
export const en: Dictionary = {
  meta: {
    siteTitle: 'Pre-Registration | INM',
    description:
      'Electronic travel pre-registration platform for Colombian nationals travelling to Mexico, part of the Services Portal of the National Migration Institute (INM).',
  },
  skipLink: 'Skip to main content',
  actions: {
    createAccount: 'CREATE ACCOUNT',
    signIn: 'SIGN IN',
    recover: 'RECOVER ACCOUNT',
    cancel: 'CANCEL',
    registerDocuments: 'REGISTER DOCUMENTS',
    captureDocument: 'CAPTURE DOCUMENT',
    takePhoto: 'TAKE PHOTO',
    uploadImage: 'UPLOAD IMAGE',
    savePhoto: 'SAVE PHOTO',
    validateDocument: 'VALIDATE DOCUMENT',
    register: 'REGISTER',
    startServices: 'START SERVICES',
    continue: 'CONTINUE',
    next: 'NEXT',
    sendInformation: 'SEND INFORMATION',
    changePassword: 'CHANGE PASSWORD',
  },
  header: {
    institute: 'National Migration Institute (INM)',
    portal: 'Services Portal — Pre-Registration',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    help: 'Portal Help',
    privacy: 'Privacy Notice',
  },
  language: {
    label: 'Language',
    es: 'Español',
    en: 'English',
  },
  welcome: {
    title: 'Before you register your account',
    intro:
      'Please read the following information: it helps you have everything you need to register on the Pre-Registration platform.',
    readyTitle: 'Have at hand',
    ready: [
      'A valid e-mail account you can access: you will receive there the “Activate account” link from alertas.sistemas@inami.gob.mx (valid for 72 hours), your QR and your Electronic Multiple Migration Form (FMME).',
      'Your passport, valid for at least 6 more months, to capture it with your device’s camera or to upload a PNG, JPG or JPEG image of at most 2 MB.',
      'If you hold Temporary or Permanent Residence: your resident card, with your Foreigner’s Unique Number (NUE), and a proof of address in Mexico.',
      'If your document is diplomatic: your accreditation card issued by the SRE (Ministry of Foreign Affairs) and its folio number.',
      'Your travel information: entry and exit tickets, lodging reservation and travel itinerary (PDF, JPG or PNG files of at most 2 MB).',
    ],
    notesTitle: 'Please note',
    notes: [
      'Persons under 18 may NOT create an account.',
      'We recommend registering up to 24 hours before your trip.',
      'It is a free service, for individuals.',
    ],
    consult: 'Read before you register your account on the platform:',
    close: 'Close',
    reopen: 'See what you need before registering',
  },
  home: {
    title: 'Electronic travel pre-registration',
    lead: 'For Colombian nationals travelling to Mexico.',
    intro:
      'Mexico and Colombia agreed to establish an electronic travel pre-registration for Colombians travelling to Mexico. The platform lets you enter your travel information in advance, to make your entry easier and the migration control interview faster.',
    actionsTitle: 'Access the platform',
    createAccountHint: 'To use the INM Services Portal you first need an account.',
    signInHint: 'If you already have an account, sign in with your e-mail address and password.',
    whoTitle: 'Who must complete the pre-registration?',
    moreTitle: 'Read before you start',
    helpCard:
      'Technical requirements, things to consider before you start, process infographic, user manual and frequently asked questions.',
    privacyCard: 'What your personal data is used for and how to exercise your ARCO rights.',
  },
  considerations: {
    general: [
      'If you are a Colombian national and wish to enter Mexico, wherever you live, you must complete the pre-registration.',
      'If you hold Temporary or Permanent Residence, you must complete the pre-registration.',
      'If you hold a diplomatic identity document, you must complete the pre-registration.',
      'If you hold both Colombian and Mexican nationality and enter and leave Mexico on your Mexican passport, you do not need to register; otherwise you must complete the pre-registration.',
      'You do not need to pre-register if you are only connecting flights and will not enter the country.',
      'The platform issues the Electronic Multiple Migration Form (FMME), which you need to enter Mexico.',
      'We recommend registering up to 24 hours before your trip.',
      'It is a free service, for individuals.',
    ],
    bringTitle: 'We recommend you carry the following at the point of entry into Mexico:',
    bring: [
      'The valid identity document you registered with; if your document is diplomatic, your SRE accreditation card.',
      'Your temporary or permanent resident card and proof of address in Mexico.',
      'Exit ticket.',
      'Reservation.',
      'Travel itinerary.',
      'Letter of invitation.',
    ],
  },
  help: {
    title: 'Portal Help',
    intro:
      'Material available for you to read: technical requirements for the platform to work well, things to consider before you start, an infographic of the process, the user manual and frequently asked questions.',
    tocLabel: 'Help contents',
    techTitle: 'Technical requirements',
    tech: [
      'An up-to-date web browser: Google Chrome, Mozilla Firefox, Microsoft Edge or Safari, in a recent version.',
      'JavaScript and the browser’s local storage enabled.',
      'A stable internet connection.',
      'For TAKE PHOTO: a camera on your computer or mobile device, and permission for the browser to use it. Without a camera, use UPLOAD IMAGE.',
      'Passport image in PNG, JPG or JPEG format, at most 2 MB.',
      'Pre-registration attachments in PDF, JPG or PNG format, at most 2 MB each.',
      'A PDF reader to open your QR and your FMME.',
      'A screen at least 360 pixels wide: the platform works on phones, tablets and computers.',
    ],
    considerationsTitle: 'Before you start',
    processTitle: 'Process infographic',
    processIntro: 'The pre-registration takes eight steps:',
    steps: [
      {
        title: 'Create an account',
        text: 'On the home page click CREATE ACCOUNT, enter your data, accept the Privacy Notice and type the captcha code.',
      },
      {
        title: 'Activate your account',
        text: 'Find the e-mail from alertas.sistemas@inami.gob.mx and click “Activate account”. The link is valid for 72 hours.',
      },
      {
        title: 'Sign in',
        text: 'Enter your e-mail address and password, and click SIGN IN.',
      },
      {
        title: 'Register your document',
        text: 'Click REGISTER DOCUMENTS, take or upload a picture of your passport, click VALIDATE DOCUMENT, check the data and click REGISTER.',
      },
      {
        title: 'Start services',
        text: 'Choose your document under Registered documents, click START SERVICES and then Pre-registration.',
      },
      {
        title: 'Fill in the pre-registration',
        text: 'Travel Information, Additional Information, Migration Control and Finish Registration, with NEXT at each step; at the end, SEND INFORMATION.',
      },
      {
        title: 'Receive your QR and FMME',
        text: 'If the information meets the requirements, download your QR from the Registration History; you also receive it by e-mail, together with the FMM.',
      },
      {
        title: 'Go to the point of entry',
        text: 'Carry your valid identity document and your travel information.',
      },
    ],
    manualTitle: 'User manual',
    manualIntro:
      'The sections of the INM Services Portal, in the order you use them. Click each title to show its content.',
    chapters: [
      {
        title: 'Create an account',
        items: [
          'On the home page click the CREATE ACCOUNT button; if you have already done so, go to SIGN IN.',
          'Enter and/or select the requested information and click the CREATE ACCOUNT button.',
          'Persons under 18 may NOT create an account.',
          'Fields marked with an asterisk (*) and shown in red are required; fields you have filled in turn green.',
          'The password must have at least 8 characters, with at least one digit, one upper-case letter, one lower-case letter and one special character (! @ # $ % ^ & *); the characters (. ñ Ñ) are not allowed.',
          'To get a new captcha code, press the refresh icon.',
          'CHECK THAT YOUR DATA IS CORRECT: ONCE SAVED, IT CANNOT BE CHANGED.',
          'You will then receive an e-mail: look for the message from alertas.sistemas@inami.gob.mx and click the text “Activate account”.',
        ],
      },
      {
        title: 'Recover your account',
        items: [
          'There are two kinds of recovery: password recovery (if you forgot it) and resending the activation link (after the 72 hours the link is valid).',
          'Enter your e-mail address, select the recovery type and type the captcha code.',
          'Click RECOVER ACCOUNT; if you do NOT want to continue, click CANCEL.',
          'The activation link can be resent only while the account is NOT active. Both kinds of recovery send you an e-mail.',
        ],
      },
      {
        title: 'Sign in to the INM Services Portal',
        items: ['Enter your e-mail address and password, then click the SIGN IN button.'],
      },
      {
        title: 'Main screen',
        items: [
          'Account options: shows the account holder’s name; the three-line icon opens Information, Password, Help and Sign out.',
          'Go to start: goes back to the system’s start screen.',
          'Register documents: registers your documents.',
          'Registered documents: lists the documents you registered before.',
          'Start services: shows the online services available for the selected document.',
        ],
      },
      {
        title: 'Register documents',
        items: [
          'First register your valid identity document (passport) with the REGISTER DOCUMENTS button.',
          'CAPTURE DOCUMENT offers two options: TAKE PHOTO, with the camera (fit the green frame to the passport and click TAKE PHOTO), or UPLOAD IMAGE, from your device.',
          'Either way, adjust the blue box over the image and click SAVE PHOTO.',
          'The image must be PNG, JPG or JPEG and at most 2 MB.',
          'Click VALIDATE DOCUMENT: some fields are filled in from the document (depending on image quality); check them, complete the rest and click REGISTER, or CANCEL if you do not want to register it.',
          'The passport must be valid for at least 6 more months. Check that the date of birth is correct. If you have dual nationality, enter the nationality shown in the document. If your document is diplomatic, say so in the document classification.',
          'ONCE SAVED, THE DATA CANNOT BE CHANGED.',
          'A document can be deleted only if it has NO service record. An expired document can no longer be used for services.',
        ],
      },
      {
        title: 'Pre-registration',
        items: [
          'The Pre-registration service is shown only for Colombian nationality: click the Pre-registration picture.',
          'There are three variants: I. With a NUE (temporary or permanent resident); II. With a diplomatic document (SRE card folio); III. Without a NUE. The NUE or SRE card folio is asked for only the first time.',
          'Fill in Travel Information, Additional Information and Migration Control (answer every question), clicking NEXT at each step.',
          'Under Finish Registration attach the files. With a NUE: exit ticket – your resident card, and lodging – your proof of address. With a diplomatic document: your accreditation card issued by the SRE. Without a NUE: exit ticket, lodging and itinerary, each one separately.',
          'Read the terms and conditions and click SEND INFORMATION. The confirmation message appears only when the submission succeeded.',
          'Without a NUE, your exit date from Mexico must be at most 180 days after entry. Keep your entry ticket at hand.',
          'If the message “The information provided in this pre-registration does not meet the requirements” appears, no file is issued and you cannot start a new pre-registration for 3 hours.',
        ],
      },
      {
        title: 'Registration History',
        items: [
          'Correct registration: download the QR with its icon; you can change the registration only if your flight was rescheduled.',
          'Does not meet the requirements: no file was issued.',
          'Cancelled: a new registration with the same entry date into Mexico was made.',
          'Not available: the entry date has passed.',
          'If the message “The FMM could not be sent, please try again later” appears, click the red picture in the Download QR column: within 5 minutes you receive two e-mails, from notificaciones-inami@inami.gob.mx (link to download the FMM) and from alertas.sistemas@inami.gob.mx (QR). Check your inbox or spam folder.',
          'DO NOT FORGET TO DOWNLOAD YOUR FILES.',
        ],
      },
      {
        title: 'Account options',
        items: [
          'Information: shows your e-mail address, name, nationality and date of birth.',
          'Password: fill in the fields and click CHANGE PASSWORD.',
          'Help: documents and videos to learn how the system works.',
          'Sign out: signs you out properly; you are asked to confirm.',
        ],
      },
    ],
    faqTitle: 'Frequently asked questions (FAQ)',
    faq: [
      {
        q: 'Who must complete the pre-registration?',
        a: 'Every Colombian national who wishes to enter Mexico, wherever they live, including holders of Temporary or Permanent Residence or of a diplomatic document.',
      },
      { q: 'Does it cost anything?', a: 'No. It is a free service, for individuals.' },
      {
        q: 'How far in advance should I do it?',
        a: 'We recommend registering up to 24 hours before your trip.',
      },
      {
        q: 'I am only connecting flights in Mexico. Do I need it?',
        a: 'No, you do not need to pre-register if you are only connecting flights and will not enter the country.',
      },
      {
        q: 'I am both Colombian and Mexican. Do I need it?',
        a: 'If you enter and leave Mexico on your Mexican passport, no. Otherwise, you must complete the pre-registration.',
      },
      {
        q: 'I did not receive the e-mail to activate my account.',
        a: 'Check your inbox and spam folder for the message from alertas.sistemas@inami.gob.mx. The link is valid for 72 hours; if it expired, use account recovery with the type “send the activation link”.',
      },
      {
        q: 'I forgot my password.',
        a: 'Use account recovery with the type “password recovery”: you will receive an e-mail.',
      },
      {
        q: 'Can I correct my account or document data?',
        a: 'Not on the platform: once saved, the data cannot be changed. Check it before saving. To request a correction, see the Privacy Notice.',
      },
      {
        q: 'My pre-registration “does not meet the requirements”. What now?',
        a: 'No file is issued. You can start a new pre-registration for that document after 3 hours.',
      },
      {
        q: 'My flight was rescheduled.',
        a: 'In the Registration History you can change a correct registration only if your flight was rescheduled. A new pre-registration with the same entry date into Mexico cancels the previous one.',
      },
      {
        q: 'I did not receive my FMM or QR.',
        a: 'If the message “The FMM could not be sent, please try again later” appeared, go to the Registration History and click the red picture in the Download QR column; you receive both e-mails within 5 minutes.',
      },
    ],
    contactTitle: 'Comments and questions',
    contactText:
      'If you have questions about how the system works or about anything related to the pre-registration, call',
    socialText: 'You can also share your comments and questions through the Institute’s social media:',
  },
  contact: {
    phone: '00 52 800 00 46264',
    phoneLabel: 'Phone',
    twitter: 'Twitter (X)',
    facebook: 'Facebook',
  },
  privacy: {
    title: 'Comprehensive Privacy Notice',
    subtitle: 'Pre-Registration platform of the Services Portal of the National Migration Institute',
    tocLabel: 'Notice contents',
    responsibleTitle: 'Data controller',
    responsible:
      'The National Migration Institute (INM), a decentralised administrative body of the Ministry of the Interior (Secretaría de Gobernación), is responsible for the processing of the personal data collected on the Pre-Registration platform, which is protected under the General Law on the Protection of Personal Data Held by Obligated Parties (Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados) and other applicable rules.',
    dataTitle: 'Personal data collected',
    data: [
      'Identification: given names, first and second surname, nationality, date of birth and sex.',
      'Contact: e-mail address and phone number.',
      'Identity document: the passport image and its data (type, issuing state, number, expiry date and ordinary or diplomatic classification).',
      'Migration: the Foreigner’s Unique Number (NUE) or SRE card folio, where applicable, and your answers to the Migration Control questions.',
      'Travel: entry and exit dates, arrival airport, airline and flight, origin, purpose of the trip, lodging, occupation and the files you attach (tickets, proofs, itinerary).',
    ],
    purposesTitle: 'Purposes of processing',
    purposesIntro: 'Your personal data is used for the following purposes:',
    purposes: [
      'To create, activate and manage your account on the INM Services Portal, and to check that you are at least 18.',
      'To register and validate your identity document, including automatic reading of the passport’s machine-readable zone.',
      'To carry out your electronic travel pre-registration, decide whether it meets the requirements and, where it does, issue the Electronic Multiple Migration Form (FMME) and the QR receipt.',
      'To send you the service’s e-mails: account activation and recovery, QR and FMM.',
      'To make your entry into Mexico easier and let the migration and security authorities keep a more precise and systematic control of the flow of people.',
      'To tell airlines and airports, with the minimum data needed, whether your pre-registration was approved for the trip you declared.',
      'To produce statistics that do not identify anyone.',
    ],
    legalTitle: 'Legal basis',
    legal:
      'Migration Law (Ley de Migración) and its Regulations; General Law on the Protection of Personal Data Held by Obligated Parties.',
    transfersTitle: 'Transfers of personal data',
    transfers:
      'Your data may be transferred to the competent migration and security authorities where the law allows or requires it; the airlines and airports operating your trip receive only the result of your pre-registration, with the minimum data needed to identify you. Your data is not used for commercial purposes.',
    arcoTitle: 'ARCO rights',
    arcoIntro:
      'You may exercise at any time your rights of access, rectification, cancellation and objection (ARCO rights):',
    arco: [
      { term: 'Access', text: 'Know what personal data about you is held and how it is processed.' },
      {
        term: 'Rectification',
        text: 'Have your data corrected when it is inaccurate or incomplete. Account and document data cannot be changed on the platform once saved; you request its correction this way.',
      },
      {
        term: 'Cancellation',
        text: 'Have your data deleted from the records, except what must be kept by law.',
      },
      {
        term: 'Objection',
        text: 'Object, on legitimate grounds, to the processing of your data for a specific purpose.',
      },
    ],
    howTitle: 'How to exercise your ARCO rights',
    how: [
      'Submit your request to the Transparency Unit (Unidad de Transparencia) of the National Migration Institute, or through the National Transparency Platform (Plataforma Nacional de Transparencia).',
      'State in your request: your name and a way to receive notifications (for example, your e-mail address); the document proving your identity and, where applicable, your representative’s; a clear description of the data and of the right you wish to exercise; and anything else that helps find your data, such as your platform account’s e-mail address.',
      'Exercising ARCO rights is free of charge. You will be answered within the time limits set by the General Law on the Protection of Personal Data Held by Obligated Parties.',
      'If you disagree with the answer, you may file the review appeal (recurso de revisión) provided for in the same law.',
    ],
    howContact: 'For guidance about the pre-registration, call',
    changesTitle: 'Changes to this privacy notice',
    changes: 'Any change to this privacy notice will be published on this same page of the platform.',
  },
  notFound: {
    title: 'Page not available',
    text: 'The page you are looking for does not exist or is not available yet.',
    back: 'Go to home page',
  },
  footer: {
    contactTitle: 'Comments and questions',
    free: 'The pre-registration is a free service, for individuals.',
    linksLabel: 'Footer links',
    privacy: 'Comprehensive Privacy Notice',
    help: 'Portal Help',
  },
};
