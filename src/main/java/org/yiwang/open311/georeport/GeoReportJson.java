package org.yiwang.open311.georeport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The answers of GeoReport v2 as records, with the spec's field names. {@link Formats} writes them as
 * JSON (nulls included, as the spec's examples have them) or as XML with the spec's element names.
 * Times are ISO-8601 with the +08:00 offset.
 */
public final class GeoReportJson {

    private GeoReportJson() {
    }

    /** Service discovery: where the endpoint is and what it speaks. */
    @Schema(name = "Open311Discovery")
    public record Discovery(String changeset, String contact, @JsonProperty("key_service") String keyService,
                            List<Endpoint> endpoints) {
    }

    /** One endpoint of the discovery. */
    @Schema(name = "Open311Endpoint")
    public record Endpoint(String specification, String url, String changeset, String type, List<String> formats) {
    }

    /** A service of the service list: one enabled category of the urban management catalog. */
    @Schema(name = "Open311Service")
    public record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
                          String description, boolean metadata, String type, String keywords, String group) {
    }

    /** A service definition: the attributes a request of the service may or must carry. */
    @Schema(name = "Open311ServiceDefinition")
    public record ServiceDefinition(@JsonProperty("service_code") String serviceCode, List<ServiceAttribute> attributes) {
    }

    /** An attribute of a service definition. */
    @Schema(name = "Open311ServiceAttribute")
    public record ServiceAttribute(boolean variable, String code, String datatype, boolean required,
                                   @JsonProperty("datatype_description") String datatypeDescription, int order,
                                   String description, List<AttributeValue> values) {
    }

    /** One allowed value of a list attribute. */
    @Schema(name = "Open311AttributeValue")
    public record AttributeValue(String key, String name) {
    }

    /**
     * A service request. {@code attributes} and {@code notes} (the update history) only with
     * {@code extensions=true}.
     */
    @Schema(name = "Open311ServiceRequest")
    public record ServiceRequest(@JsonProperty("service_request_id") String serviceRequestId, String status,
                                 @JsonProperty("status_notes") String statusNotes,
                                 @JsonProperty("service_name") String serviceName,
                                 @JsonProperty("service_code") String serviceCode, String description,
                                 @JsonProperty("agency_responsible") String agencyResponsible,
                                 @JsonProperty("service_notice") String serviceNotice,
                                 @JsonProperty("requested_datetime") String requestedDatetime,
                                 @JsonProperty("updated_datetime") String updatedDatetime,
                                 @JsonProperty("expected_datetime") String expectedDatetime, String address,
                                 @JsonProperty("address_id") String addressId, String zipcode, double lat,
                                 @JsonProperty("long") double lon, @JsonProperty("media_url") String mediaUrl,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<RequestAttribute> attributes,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Note> notes) {

        /** The same request with the attributes sent and its update history (the {@code extensions} of a single request). */
        public ServiceRequest extended(List<RequestAttribute> attributes, List<Note> notes) {
            return new ServiceRequest(serviceRequestId, status, statusNotes, serviceName, serviceCode, description,
                    agencyResponsible, serviceNotice, requestedDatetime, updatedDatetime, expectedDatetime, address, addressId,
                    zipcode, lat, lon, mediaUrl, attributes, notes);
        }
    }

    /** An attribute as sent with a request (list values joined by commas). */
    @Schema(name = "Open311RequestAttribute")
    public record RequestAttribute(String code, String value) {
    }

    /** One update of a request: when, which action, open or closed after it, and the (masked) note. */
    @Schema(name = "Open311Note")
    public record Note(String datetime, String type, String status, @JsonProperty("internal_status") String internalStatus,
                       String description) {
    }

    /**
     * The answer to POST requests: the {@code service_request_id} when an order was created, else a
     * {@code token} to ask for it later.
     */
    @Schema(name = "Open311Created")
    public record Created(@JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("service_request_id") String serviceRequestId,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String token,
                          @JsonProperty("service_notice") String serviceNotice,
                          @JsonProperty("account_id") String accountId) {
    }

    /** The request a token became (service_request_id null while it waits to be located). */
    @Schema(name = "Open311Token")
    public record TokenAnswer(@JsonProperty("service_request_id") String serviceRequestId, String token) {
    }
}
