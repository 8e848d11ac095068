package cn.cabr.carbon.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import cn.cabr.carbon.session.StaffGroups;

/** Staff membership as Camunda's identity service knows it. */
@Component
class CamundaStaffGroups implements StaffGroups {

    private final IdentityService identityService;

    CamundaStaffGroups(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public boolean isMember(String staffId, String group) {
        return identityService.createUserQuery().userId(staffId).memberOfGroup(group).count() > 0;
    }
}
