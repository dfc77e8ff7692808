package mx.gob.inm.preregistro.preregistration.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import mx.gob.inm.preregistro.preregistration.delivery.DeliveryStatuses;
import mx.gob.inm.preregistro.preregistration.registration.PreRegistration;

/**
 * One line of the history (R-PRE-11) with what the traveller may do with it. An approved pre-registration or a
 * draft whose entry date has passed is {@code NOT_AVAILABLE} (its icons shown as not available); a failed
 * delivery adds {@code RECOVER} (the red "recover FMM and QR" icon, R-FMM-3).
 */
record HistoryEntry(
        String id,
        String documentId,
        String variant,
        LocalDate entryDate,
        LocalDate exitDate,
        String arrivalAirport,
        String flightNumber,
        String status,
        boolean deliveryFailed,
        String folio,
        Instant retryBlockedUntil,
        Instant createdAt,
        List<Action> actions) {

    /** What the history offers on a line. */
    enum Action {
        /** Go on filling a draft. */
        CONTINUE,
        /** Download the QR receipt (fmme-service). */
        DOWNLOAD_QR,
        /** Download the FMME (fmme-service). */
        DOWNLOAD_FMME,
        /** Change the flight of an approved pre-registration. */
        RESCHEDULE,
        /** Ask to send the FMME and QR again after a failed delivery. */
        RECOVER
    }

    static HistoryEntry of(PreRegistration pre, DeliveryStatuses.Delivery delivery, LocalDate today) {
        boolean failed = delivery != null && delivery.failed();
        boolean passed = pre.entryDate() != null && pre.entryDate().isBefore(today);
        String status = pre.status().name();
        List<Action> actions = new ArrayList<>();
        if ((pre.status() == PreRegistration.Status.APPROVED || pre.status() == PreRegistration.Status.DRAFT)
                && passed) {
            status = "NOT_AVAILABLE";
        } else if (pre.status() == PreRegistration.Status.DRAFT) {
            actions.add(Action.CONTINUE);
        } else if (pre.status() == PreRegistration.Status.APPROVED) {
            actions.addAll(List.of(Action.DOWNLOAD_QR, Action.DOWNLOAD_FMME, Action.RESCHEDULE));
            if (failed) {
                actions.add(Action.RECOVER);
            }
        }
        return new HistoryEntry(pre.id(), pre.documentId(), pre.variant().name(), pre.entryDate(),
                pre.travel() == null ? null : pre.travel().exitDate(),
                pre.travel() == null ? null : pre.travel().arrivalAirport(),
                pre.travel() == null ? null : pre.travel().flightNumber(),
                status, failed, delivery == null ? null : delivery.folio(),
                pre.status() == PreRegistration.Status.REJECTED ? pre.retryBlockedUntil() : null,
                pre.createdAt(), List.copyOf(actions));
    }
}
