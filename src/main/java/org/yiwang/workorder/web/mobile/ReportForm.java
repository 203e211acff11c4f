package org.yiwang.workorder.web.mobile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The report form as the phone posts it. Photos already stored by an earlier, refused attempt come
 * back as {@code photoIds}, so that the reporter does not take them again; {@code requestId} is the
 * idempotency key: a double tap on "submit" creates one order.
 */
class ReportForm {

    private String description;
    private String categoryCode;
    private String categoryName;
    private Double lat;
    private Double lon;
    private String address;
    private List<String> photoIds = new ArrayList<>();
    private String requestId;
    private boolean closeOnSpot;
    private String spotNote;

    static ReportForm blank() {
        ReportForm form = new ReportForm();
        form.requestId = UUID.randomUUID().toString();
        return form;
    }

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getCategoryCode() { return categoryCode; }
    public void setCategoryCode(String categoryCode) { this.categoryCode = categoryCode; }
    public String getCategoryName() { return categoryName; }
    public void setCategoryName(String categoryName) { this.categoryName = categoryName; }
    public Double getLat() { return lat; }
    public void setLat(Double lat) { this.lat = lat; }
    public Double getLon() { return lon; }
    public void setLon(Double lon) { this.lon = lon; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public List<String> getPhotoIds() { return photoIds; }
    public void setPhotoIds(List<String> photoIds) { this.photoIds = photoIds == null ? new ArrayList<>() : new ArrayList<>(photoIds); }
    public String getRequestId() { return requestId; }
    public void setRequestId(String requestId) { this.requestId = requestId; }
    public boolean isCloseOnSpot() { return closeOnSpot; }
    public void setCloseOnSpot(boolean closeOnSpot) { this.closeOnSpot = closeOnSpot; }
    public String getSpotNote() { return spotNote; }
    public void setSpotNote(String spotNote) { this.spotNote = spotNote; }
}
