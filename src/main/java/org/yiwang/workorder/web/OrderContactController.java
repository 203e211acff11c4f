package org.yiwang.workorder.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.platform.Actors;
import org.yiwang.workorder.OrderContacts;

/**
 * {@code POST /api/work-orders/{id}/contact} — the reporter's name, phone and words as typed, for staff
 * who must call back; the reason is required and the access is recorded (个人信息查看留痕).
 */
@RestController
class OrderContactController {

    private final OrderContacts contacts;

    OrderContactController(OrderContacts contacts) {
        this.contacts = contacts;
    }

    /** Why the caller needs the contact, e.g. "回访核实现场情况". */
    record RevealRequest(String reason) {
    }

    @PostMapping(path = "/api/work-orders/{id}/contact", consumes = MediaType.APPLICATION_JSON_VALUE)
    OrderContacts.Contact reveal(@PathVariable long id, @RequestBody RevealRequest request) {
        return contacts.reveal(id, Actors.require(), request.reason());
    }
}
