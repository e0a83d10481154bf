package dev.switchyard.architecture;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dependency rules docs/ARCHITECTURE.md states, checked on sfu-core's compiled classes. */
class DependencyRulesTest {

    /** sfu-core's own classes (tests run in the module's directory); other modules appear as targets only. */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(Path.of("target", "classes"));

    @Test
    void theCoreClassesAreThere() {
        assertTrue(CORE.contain("dev.switchyard.conference.RoomManager"), "sfu-core's classes were imported");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.switchyard.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void noClassCyclesInTheConferencePackage() {
        slices().assignedFrom(new TopLevelClassesOf("dev.switchyard.conference")).should().beFreeOfCycles()
                .check(CORE);
    }

    @Test
    void theMediaPlaneKnowsNothingOfRoomsSignalingOrTransports() {
        noClasses().that().resideInAPackage("dev.switchyard.media..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchyard.conference..",
                        "dev.switchyard.transport..", "dev.switchyard.sdp..")
                .check(CORE);
    }

    @Test
    void dataChannelRoutingKnowsNothingOfRoomsSdpOrTransports() {
        noClasses().that().resideInAPackage("dev.switchyard.datachannel..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchyard.conference..",
                        "dev.switchyard.transport..", "dev.switchyard.sdp..", "dev.switchyard.media..")
                .check(CORE);
    }

    @Test
    void transportsKnowNothingOfRooms() {
        noClasses().that().resideInAPackage("dev.switchyard.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.switchyard.conference..",
                        "dev.switchyard.sdp..")
                .check(CORE);
    }

    /** Each top-level class of one package is a slice of its own, with its nested classes. */
    private record TopLevelClassesOf(String packageName) implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            if (!javaClass.getPackageName().equals(packageName)) {
                return SliceIdentifier.ignore();
            }
            String name = javaClass.getName().substring(packageName.length() + 1);
            int nested = name.indexOf('$');
            return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
        }

        @Override
        public String getDescription() {
            return "top-level classes of " + packageName;
        }
    }
}
