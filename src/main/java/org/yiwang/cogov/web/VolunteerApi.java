package org.yiwang.cogov.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cogov.volunteer.Volunteering;
import org.yiwang.cogov.volunteer.Volunteers;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;

import java.time.LocalDateTime;
import java.util.List;

/** 志愿者 API: the register, activities, sign-up, sign-in, closing with hours and points, the own points and redemption. */
@RestController
@RequestMapping("/api/cogov")
@Tag(name = "Co-governance")
class VolunteerApi {

    private final Volunteers volunteers;

    VolunteerApi(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    record VolunteerRegistrationInput(@Nullable String username, @Nullable String communityCode, @Nullable String phone, @Nullable String skills,
                         @Nullable Boolean redTeam) {
    }

    record VolunteerActivityInput(@Nullable String communityCode, @Nullable String title, @Nullable String description, @Nullable String place,
                         @Nullable LocalDateTime startsAt, @Nullable LocalDateTime endsAt, @Nullable Integer capacity,
                         @Nullable Integer points, @Nullable Boolean redTeam) {
    }

    /** The reader's own standing: their volunteer record (if any), sign-ups and latest points. */
    record VolunteerStanding(Volunteering.@Nullable Volunteer volunteer, List<Volunteering.ActivitySignup> signups, List<Volunteering.PointsEntry> points) {
    }

    @GetMapping("/volunteers")
    List<Volunteering.Volunteer> register() {
        return volunteers.register(Actors.require());
    }

    @PostMapping("/volunteers")
    @ResponseStatus(HttpStatus.CREATED)
    Volunteering.Volunteer register(@RequestBody VolunteerRegistrationInput in) {
        return volunteers.register(in.username(), new Volunteering.Register(in.communityCode(), in.phone(), in.skills(),
                Boolean.TRUE.equals(in.redTeam())), Actors.require());
    }

    @GetMapping("/volunteers/me")
    VolunteerStanding me() {
        var actor = Actors.require();
        var v = volunteers.byUser(actor.userId()).orElse(null);
        return new VolunteerStanding(v, volunteers.mySignups(actor), v == null ? List.of() : volunteers.points(v.id()));
    }

    @PostMapping("/volunteers/me/redemptions")
    Volunteering.Volunteer redeem(@RequestBody Volunteering.Redeem in) {
        return volunteers.redeem(in, Actors.require());
    }

    @GetMapping("/activities")
    List<Volunteering.VolunteerActivity> upcoming() {
        Actors.require();
        return volunteers.upcoming();
    }

    @PostMapping("/activities")
    @ResponseStatus(HttpStatus.CREATED)
    Volunteering.VolunteerActivity publish(@RequestBody VolunteerActivityInput in) {
        if (in.communityCode() == null) {
            throw LocalizedException.badRequest("cogov.error.required", "communityCode");
        }
        return volunteers.publish(new Volunteering.NewActivity(in.communityCode(), in.title(), in.description(), in.place(), in.startsAt(),
                in.endsAt(), in.capacity(), in.points(), Boolean.TRUE.equals(in.redTeam())), Actors.require());
    }

    @GetMapping("/activities/{id}/signups")
    List<Volunteering.ActivitySignup> signups(@PathVariable long id) {
        return volunteers.signups(id, Actors.require());
    }

    @PostMapping("/activities/{id}/signups")
    Volunteering.VolunteerActivity signUp(@PathVariable long id) {
        return volunteers.signUp(id, Actors.require());
    }

    @PostMapping("/activities/{id}/sign-in")
    Volunteering.VolunteerActivity signIn(@PathVariable long id) {
        return volunteers.signIn(id, Actors.require());
    }

    @PostMapping("/activities/{id}/closure")
    Volunteering.VolunteerActivity close(@PathVariable long id) {
        return volunteers.close(id, Actors.require());
    }
}
