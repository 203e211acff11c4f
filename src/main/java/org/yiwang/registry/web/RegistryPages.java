package org.yiwang.registry.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiwang.platform.Actor;
import org.yiwang.platform.Actors;
import org.yiwang.platform.LocalizedException;
import org.yiwang.platform.NavigationEntry;
import org.yiwang.platform.Role;
import org.yiwang.platform.StaffErrorPage;
import org.yiwang.registry.BuildingForm;
import org.yiwang.registry.BusinessForm;
import org.yiwang.registry.HouseForm;
import org.yiwang.registry.Kinds;
import org.yiwang.registry.PeopleImport;
import org.yiwang.registry.PersonForm;
import org.yiwang.registry.PersonTag;
import org.yiwang.registry.PersonalDataReveal;
import org.yiwang.registry.RegisterQueries;
import org.yiwang.registry.Registers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * 基础信息 — the registers' screens for community staff, grid workers, dispatchers and administrators, in
 * their territory: people search, detail with masked numbers and the 显示 button, create and edit, buildings
 * with their houses, businesses, import with its problem report, CSV export.
 */
@Controller
class RegistryPages {

    private final Registers registers;
    private final RegisterQueries queries;
    private final PersonalDataReveal reveal;
    private final PeopleImport imports;
    private final MessageSource messages;
    private final StaffErrorPage errors;

    RegistryPages(Registers registers, RegisterQueries queries, PersonalDataReveal reveal, PeopleImport imports,
                  MessageSource messages, StaffErrorPage errors) {
        this.registers = registers;
        this.queries = queries;
        this.reveal = reveal;
        this.imports = imports;
        this.messages = messages;
        this.errors = errors;
    }

    @Bean
    static NavigationEntry registryNavigation() {
        return new NavigationEntry("/registry", "registry.nav", "▦",
                List.of(Role.COMMUNITY_STAFF, Role.GRID_WORKER, Role.DISPATCHER, Role.ADMIN), 40, "work");
    }

    @ExceptionHandler(LocalizedException.class)
    String failed(LocalizedException e, Model model, HttpServletResponse response) {
        return errors.show(e, "/registry", "registry.back", model, response);
    }

    private String label(LocalizedException e) {
        return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
    }

    private void choices(Model model, Actor actor) {
        model.addAttribute("genders", Kinds.Gender.values());
        model.addAttribute("residences", Kinds.Residence.values());
        model.addAttribute("relations", Kinds.Relation.values());
        model.addAttribute("livings", Kinds.Living.values());
        model.addAttribute("tags", Arrays.stream(PersonTag.values())
                .filter(t -> !t.special() || queries.seesSpecialGroups(actor)).toList());
    }

    @GetMapping("/registry")
    String people(RegisterQueries.PersonSearch search, Model model, HttpServletResponse response) {
        Actor actor = registers.worker(Actors.require());
        choices(model, actor);
        model.addAttribute("search", search);
        try {
            model.addAttribute("results", queries.searchPeople(search, actor));
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("searchError", label(e));
        }
        return "registry/people";
    }

    @GetMapping("/registry/people/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("detail", queries.person(id, Actors.require()));
        return "registry/person";
    }

    /** 显示: the numbers unmasked after a reason that is recorded. */
    @PostMapping("/registry/people/{id}/reveal")
    String revealPerson(@PathVariable long id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        Actor actor = Actors.require();
        try {
            model.addAttribute("revealed", reveal.person(id, reason, actor));
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("revealError", label(e));
        }
        model.addAttribute("detail", queries.person(id, actor));
        return "registry/person";
    }

    @PostMapping("/registry/people/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Actor actor = Actors.require();
        try {
            registers.deletePerson(id, reason, actor);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("registry.person.deleted", null, LocaleContextHolder.getLocale()));
            return "redirect:/registry";
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("deleteError", label(e));
            model.addAttribute("detail", queries.person(id, actor));
            return "registry/person";
        }
    }

    @GetMapping("/registry/people/new")
    String newPerson(@RequestParam(required = false) Long houseId, Model model) {
        Actor actor = registers.worker(Actors.require());
        choices(model, actor);
        model.addAttribute("form", new PersonForm(houseId, null, null, null, null, null, null, "REGISTERED", "HOUSEHOLDER", "PRESENT", List.of()));
        return "registry/person-form";
    }

    @PostMapping("/registry/people/new")
    String createPerson(PersonForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = registers.worker(Actors.require());
        try {
            long id = registers.createPerson(form, actor);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("registry.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/registry/people/" + id;
        } catch (LocalizedException e) {
            return formAgain(e, form, null, model, response, actor);
        }
    }

    @GetMapping("/registry/people/{id}/edit")
    String editPerson(@PathVariable long id, Model model) {
        Actor actor = registers.worker(Actors.require());
        RegisterQueries.PersonView p = queries.person(id, actor).person();
        choices(model, actor);
        model.addAttribute("person", p);
        model.addAttribute("form", new PersonForm(p.houseId(), p.householdId(), p.name(), p.gender().name(), null, null, null,
                p.residence().name(), p.relation().name(), p.living().name(), p.tags().stream().map(Enum::name).toList()));
        return "registry/person-form";
    }

    @PostMapping("/registry/people/{id}/edit")
    String updatePerson(@PathVariable long id, PersonForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = registers.worker(Actors.require());
        try {
            registers.updatePerson(id, form, true, actor);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("registry.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/registry/people/" + id;
        } catch (LocalizedException e) {
            return formAgain(e, form, queries.person(id, actor).person(), model, response, actor);
        }
    }

    private String formAgain(LocalizedException e, PersonForm form, RegisterQueries.PersonView person, Model model,
                             HttpServletResponse response, Actor actor) {
        if (e.status().value() != 400 && e.status().value() != 409 && e.status().value() != 403) {
            throw e;
        }
        response.setStatus(e.status().value());
        choices(model, actor);
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        model.addAttribute("formError", label(e));
        return "registry/person-form";
    }

    @GetMapping("/registry/buildings")
    String buildings(@RequestParam(required = false) String address, @RequestParam(required = false) String grid,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = Actors.require();
        model.addAttribute("address", address);
        model.addAttribute("grid", grid);
        model.addAttribute("results", queries.buildings(address, grid, page, 50, actor));
        model.addAttribute("form", new BuildingForm(null, null, null, null, 6));
        return "registry/buildings";
    }

    @PostMapping("/registry/buildings")
    String createBuilding(BuildingForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        try {
            long id = registers.createBuilding(form, actor).id();
            return "redirect:/registry/buildings/" + id;
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("results", queries.buildings(null, null, 0, 50, actor));
            model.addAttribute("form", form);
            model.addAttribute("formError", label(e));
            return "registry/buildings";
        }
    }

    @GetMapping("/registry/buildings/{id}")
    String building(@PathVariable long id, Model model) {
        model.addAttribute("detail", queries.building(id, Actors.require()));
        return "registry/building";
    }

    @PostMapping("/registry/buildings/{id}/houses")
    String createHouse(@PathVariable long id, HouseForm form, Model model, HttpServletResponse response) {
        Actor actor = Actors.require();
        try {
            registers.createHouse(new HouseForm(id, form.room(), form.use(), form.occupancy(), form.areaM2()), actor);
            return "redirect:/registry/buildings/" + id;
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("detail", queries.building(id, actor));
            model.addAttribute("formError", label(e));
            return "registry/building";
        }
    }

    @PostMapping("/registry/houses/{houseId}/households")
    String createHousehold(@PathVariable long houseId, @RequestParam long buildingId) {
        registers.createHousehold(houseId, Actors.require());
        return "redirect:/registry/buildings/" + buildingId;
    }

    @GetMapping("/registry/businesses")
    String businesses(@RequestParam(required = false) String name, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("results", queries.businesses(name, null, page, 50, Actors.require()));
        return "registry/businesses";
    }

    @PostMapping("/registry/businesses")
    String createBusiness(BusinessForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Actor actor = Actors.require();
        try {
            registers.createBusiness(form, actor);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("registry.saved", null, LocaleContextHolder.getLocale()));
            return "redirect:/registry/businesses";
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("results", queries.businesses(null, null, 0, 50, actor));
            model.addAttribute("form", form);
            model.addAttribute("formError", label(e));
            return "registry/businesses";
        }
    }

    @PostMapping("/registry/businesses/{id}/reveal")
    String revealBusiness(@PathVariable long id, @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        Actor actor = Actors.require();
        try {
            model.addAttribute("revealed", reveal.business(id, reason, actor));
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("revealError", label(e));
        }
        model.addAttribute("results", queries.businesses(null, null, 0, 50, actor));
        return "registry/businesses";
    }

    @GetMapping("/registry/import")
    String importPage(Model model) {
        registers.worker(Actors.require());
        return "registry/import";
    }

    @PostMapping("/registry/import")
    String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") String policy,
                      Model model, HttpServletResponse response) throws IOException {
        Actor actor = registers.worker(Actors.require());
        try {
            if (file == null || file.isEmpty()) {
                throw LocalizedException.badRequest("registry.import.empty");
            }
            PeopleImport.Policy chosen = "PER_ROW".equals(policy) ? PeopleImport.Policy.PER_ROW : PeopleImport.Policy.ALL_OR_NOTHING;
            try (InputStream in = file.getInputStream()) {
                PeopleImport.Result result = imports.run(in, file.getOriginalFilename(), chosen, actor);
                model.addAttribute("result", result);
                model.addAttribute("problems", result.problems().stream().map(p -> new RegistryApiController.ImportProblem(p.line(),
                        p.field(), messages.getMessage(p.key(), p.args().toArray(), p.key(), LocaleContextHolder.getLocale()))).toList());
                if (!result.problems().isEmpty()) {
                    response.setStatus(422);
                }
            }
        } catch (LocalizedException e) {
            if (e.status().value() != 400) {
                throw e;
            }
            response.setStatus(400);
            model.addAttribute("importError", label(e));
        }
        return "registry/import";
    }
}
