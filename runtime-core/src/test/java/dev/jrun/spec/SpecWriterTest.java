package dev.jrun.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpecWriterTest {

    /** Every field of the model, under its JSON name, in the runtime-spec's order, with non-default values. */
    static final String EVERY_FIELD = """
            {
            	"ociVersion": "1.2.0",
            	"process": {
            		"terminal": true,
            		"consoleSize": {
            			"height": 24,
            			"width": 80
            		},
            		"user": {
            			"uid": 1000,
            			"gid": 1000,
            			"umask": 18,
            			"additionalGids": [
            				5,
            				27
            			],
            			"username": "me"
            		},
            		"args": [
            			"sh"
            		],
            		"env": [
            			"A=b"
            		],
            		"cwd": "/home",
            		"capabilities": {
            			"bounding": [
            				"CAP_KILL"
            			],
            			"effective": [
            				"CAP_KILL"
            			],
            			"inheritable": [
            				"CAP_KILL"
            			],
            			"permitted": [
            				"CAP_KILL"
            			],
            			"ambient": [
            				"CAP_KILL"
            			]
            		},
            		"rlimits": [
            			{
            				"type": "RLIMIT_CORE",
            				"hard": 18446744073709551615,
            				"soft": 0
            			}
            		],
            		"noNewPrivileges": true,
            		"apparmorProfile": "docker-default",
            		"oomScoreAdj": -500,
            		"selinuxLabel": "system_u:system_r:container_t:s0"
            	},
            	"root": {
            		"path": "/rootfs"
            	},
            	"hostname": "h",
            	"domainname": "d",
            	"mounts": [
            		{
            			"destination": "/data",
            			"type": "bind",
            			"source": "/srv",
            			"options": [
            				"rbind"
            			],
            			"uidMappings": [
            				{
            					"containerID": 0,
            					"hostID": 100000,
            					"size": 65536
            				}
            			],
            			"gidMappings": [
            				{
            					"containerID": 0,
            					"hostID": 100000,
            					"size": 65536
            				}
            			]
            		}
            	],
            	"hooks": {
            		"prestart": [
            			{
            				"path": "/bin/a"
            			}
            		],
            		"createRuntime": [
            			{
            				"path": "/bin/b",
            				"args": [
            					"b",
            					"1"
            				],
            				"env": [
            					"X=1"
            				],
            				"timeout": 5
            			}
            		],
            		"createContainer": [
            			{
            				"path": "/bin/c"
            			}
            		],
            		"startContainer": [
            			{
            				"path": "/bin/d"
            			}
            		],
            		"poststart": [
            			{
            				"path": "/bin/e"
            			}
            		],
            		"poststop": [
            			{
            				"path": "/bin/f"
            			}
            		]
            	},
            	"annotations": {
            		"a": "1",
            		"b": "2"
            	},
            	"linux": {
            		"uidMappings": [
            			{
            				"containerID": 0,
            				"hostID": 100000,
            				"size": 65536
            			}
            		],
            		"gidMappings": [
            			{
            				"containerID": 0,
            				"hostID": 100000,
            				"size": 65536
            			}
            		],
            		"sysctl": {
            			"kernel.shmmax": "1",
            			"net.ipv4.ip_forward": "1"
            		},
            		"resources": {
            			"devices": [
            				{
            					"allow": true,
            					"type": "c",
            					"major": 1,
            					"minor": 3,
            					"access": "rw"
            				}
            			],
            			"memory": {
            				"limit": 1048576,
            				"reservation": 524288,
            				"swap": -1,
            				"kernel": 0,
            				"kernelTCP": 0,
            				"swappiness": 60,
            				"disableOOMKiller": false
            			},
            			"cpu": {
            				"shares": 1024,
            				"quota": 50000,
            				"period": 100000,
            				"realtimeRuntime": 0,
            				"realtimePeriod": 0,
            				"cpus": "0-1",
            				"mems": "0"
            			},
            			"pids": {
            				"limit": 0
            			},
            			"blockIO": {
            				"weight": 500,
            				"leafWeight": 300,
            				"weightDevice": [
            					{
            						"major": 8,
            						"minor": 0,
            						"weight": 100
            					}
            				],
            				"throttleReadBpsDevice": [
            					{
            						"major": 8,
            						"minor": 0,
            						"rate": 1000
            					}
            				],
            				"throttleWriteBpsDevice": [
            					{
            						"major": 8,
            						"minor": 0,
            						"rate": 2000
            					}
            				],
            				"throttleReadIOPSDevice": [
            					{
            						"major": 8,
            						"minor": 0,
            						"rate": 30
            					}
            				],
            				"throttleWriteIOPSDevice": [
            					{
            						"major": 8,
            						"minor": 0,
            						"rate": 40
            					}
            				]
            			},
            			"hugepageLimits": [
            				{
            					"pageSize": "2MB",
            					"limit": 0
            				}
            			],
            			"unified": {
            				"memory.high": "max"
            			}
            		},
            		"cgroupsPath": "/jrun/c1",
            		"namespaces": [
            			{
            				"type": "pid"
            			},
            			{
            				"type": "network",
            				"path": "/run/netns/n"
            			}
            		],
            		"devices": [
            			{
            				"path": "/dev/fuse",
            				"type": "c",
            				"major": 10,
            				"minor": 229,
            				"fileMode": 438,
            				"uid": 0,
            				"gid": 0
            			}
            		],
            		"seccomp": {
            			"defaultAction": "SCMP_ACT_ERRNO",
            			"defaultErrnoRet": 1,
            			"architectures": [
            				"SCMP_ARCH_X86_64"
            			],
            			"flags": [
            				"SECCOMP_FILTER_FLAG_LOG"
            			],
            			"listenerPath": "/run/agent.sock",
            			"listenerMetadata": "m",
            			"syscalls": [
            				{
            					"names": [
            						"personality"
            					],
            					"action": "SCMP_ACT_ALLOW",
            					"errnoRet": 1,
            					"args": [
            						{
            							"index": 0,
            							"value": 18446744073709551615,
            							"valueTwo": 255,
            							"op": "SCMP_CMP_MASKED_EQ"
            						}
            					]
            				}
            			]
            		},
            		"rootfsPropagation": "rslave",
            		"maskedPaths": [
            			"/proc/kcore"
            		],
            		"readonlyPaths": [
            			"/proc/sys"
            		],
            		"mountLabel": "system_u:object_r:container_file_t:s0"
            	}
            }""";

    private static Spec parse(String json) {
        return SpecLoader.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFieldSurvivesARoundTripByteForByte() {
        assertEquals(EVERY_FIELD, SpecWriter.write(parse(EVERY_FIELD)));
    }

    @Test
    void runcTemplatesRoundTripByteForByte() {
        for (String golden : new String[] {"runc-spec.json", "runc-spec-rootless-root.json",
                "runc-spec-rootless-nobody.json"}) {
            String json = Configs.resource(golden);
            assertEquals(json, SpecWriter.write(parse(json)), golden);
        }
    }

    @Test
    void leavesOutWhatGoLeavesOut() {
        String json = SpecWriter.write(parse("{\"ociVersion\":\"1\",\"process\":{\"terminal\":false,\"args\":[],"
                + "\"cwd\":\"/\"},\"root\":{\"path\":\"r\",\"readonly\":false},\"annotations\":{}}"));
        assertEquals("{\n\t\"ociVersion\": \"1\",\n\t\"process\": {\n\t\t\"user\": {\n\t\t\t\"uid\": 0,\n"
                + "\t\t\t\"gid\": 0\n\t\t},\n\t\t\"cwd\": \"/\"\n\t},\n\t\"root\": {\n\t\t\"path\": \"r\"\n\t}\n}", json);
        assertFalse(json.endsWith("\n"));
    }
}
