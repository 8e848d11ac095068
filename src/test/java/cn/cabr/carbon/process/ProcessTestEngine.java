package cn.cabr.carbon.process;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * A plain, in-memory engine for the process model tests: its own name and database (so it never meets the Spring
 * tests' engine), the job executor off, beans resolved from {@code Mocks}, and flow-node coverage recorded.
 */
final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    /**
     * Requires every flow node and sequence flow of the model under test to be covered by the class; models
     * deployed only as collaborators are named in {@code notUnderTest}.
     */
    static ProcessEngineCoverageExtension extension(String name, String... notUnderTest) {
        ProcessEngineConfigurationImpl configuration = new ProcessCoverageInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("process-test-" + name);
        configuration.setJdbcUrl("jdbc:h2:mem:process-test-" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory("full");
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setDefaultSerializationFormat("application/json");
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
        ProcessEngineCoverageExtension.Builder builder = ProcessEngineCoverageExtension.builder(configuration);
        builder.excludeProcessDefinitionKeys(notUnderTest).assertClassCoverageAtLeast(1.0);
        return builder.build();
    }
}
