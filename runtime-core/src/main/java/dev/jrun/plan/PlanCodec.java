package dev.jrun.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compact binary form of an {@link InitPlan}. The container init reads it with nothing but
 * java.io, so that it needs neither Jackson nor the OCI model on its class path at start-up.
 */
public final class PlanCodec {

    private static final int VERSION = 1;
    private static final byte MOUNT = 1;
    private static final byte DEVICES = 2;
    private static final byte SYMLINK = 3;
    private static final byte MASK = 4;
    private static final byte READ_ONLY = 5;

    private PlanCodec() {
    }

    public static byte[] encode(InitPlan plan) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeUTF(plan.rootfs());
            out.writeLong(plan.rootPropagation());
            out.writeBoolean(plan.userNamespace());
            out.writeInt(plan.steps().size());
            for (MountStep step : plan.steps()) {
                writeStep(out, step);
            }
            out.writeInt(plan.sysctl().size());
            for (Map.Entry<String, String> entry : plan.sysctl().entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            writeOptional(out, plan.hostname());
            writeOptional(out, plan.domainname());
            out.writeBoolean(plan.readonlyRoot());
            out.writeBoolean(plan.noPivot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static InitPlan decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("plan version " + version + ", expected " + VERSION);
            }
            String rootfs = in.readUTF();
            long propagation = in.readLong();
            boolean userNamespace = in.readBoolean();
            int stepCount = in.readInt();
            List<MountStep> steps = new ArrayList<>(stepCount);
            for (int i = 0; i < stepCount; i++) {
                steps.add(readStep(in));
            }
            int sysctlCount = in.readInt();
            Map<String, String> sysctl = new LinkedHashMap<>();
            for (int i = 0; i < sysctlCount; i++) {
                sysctl.put(in.readUTF(), in.readUTF());
            }
            return new InitPlan(rootfs, propagation, userNamespace, steps, sysctl, readOptional(in),
                    readOptional(in), in.readBoolean(), in.readBoolean());
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated plan", e);
        }
    }

    private static void writeStep(DataOutputStream out, MountStep step) throws IOException {
        if (step instanceof MountStep.Mount m) {
            out.writeByte(MOUNT);
            out.writeUTF(m.source());
            out.writeUTF(m.target().value());
            out.writeUTF(m.type());
            out.writeLong(m.flags());
            out.writeLong(m.propagation());
            out.writeUTF(m.data());
        } else if (step instanceof MountStep.Devices d) {
            out.writeByte(DEVICES);
            out.writeBoolean(d.bindFromHost());
            out.writeInt(d.nodes().size());
            for (DeviceNode node : d.nodes()) {
                out.writeUTF(node.path().value());
                out.writeChar(node.type());
                out.writeLong(node.major());
                out.writeLong(node.minor());
                out.writeInt(node.mode());
                out.writeInt(node.uid());
                out.writeInt(node.gid());
            }
        } else if (step instanceof MountStep.Symlink s) {
            out.writeByte(SYMLINK);
            out.writeUTF(s.linkTarget());
            out.writeUTF(s.path().value());
        } else if (step instanceof MountStep.Mask m) {
            out.writeByte(MASK);
            out.writeUTF(m.path().value());
        } else if (step instanceof MountStep.ReadOnly r) {
            out.writeByte(READ_ONLY);
            out.writeUTF(r.path().value());
        }
    }

    private static MountStep readStep(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case MOUNT -> new MountStep.Mount(in.readUTF(), ContainerPath.of(in.readUTF()), in.readUTF(),
                    in.readLong(), in.readLong(), in.readUTF());
            case DEVICES -> {
                boolean bind = in.readBoolean();
                int count = in.readInt();
                List<DeviceNode> nodes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    nodes.add(new DeviceNode(ContainerPath.of(in.readUTF()), in.readChar(), in.readLong(),
                            in.readLong(), in.readInt(), in.readInt(), in.readInt()));
                }
                yield new MountStep.Devices(nodes, bind);
            }
            case SYMLINK -> new MountStep.Symlink(in.readUTF(), ContainerPath.of(in.readUTF()));
            case MASK -> new MountStep.Mask(ContainerPath.of(in.readUTF()));
            case READ_ONLY -> new MountStep.ReadOnly(ContainerPath.of(in.readUTF()));
            default -> throw new IllegalArgumentException("unknown plan step " + tag);
        };
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }
}
