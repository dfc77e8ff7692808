package mx.gob.inm.preregistro.contracts.preregistration;

/**
 * Where the traveller stays in Mexico ("Información Adicional").
 *
 * @param type  code of the lodging type from the form's catalogue, e.g. {@code HOTEL}
 * @param state the Mexican state, e.g. {@code Quintana Roo}
 */
public record Lodging(
        String type,
        String name,
        String street,
        String city,
        String state,
        String postalCode,
        String phone) {
}
