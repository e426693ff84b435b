package io.stratastor.rodent.events.api;

/**
 * Every dotted event type of the schema as a constant, e.g. {@link #STORAGE_POOL_RESILVERED}.
 * The constants mirror the {@code (event_type)} options of {@code events.proto}; the build's
 * conformance check keeps the two identical.
 */
public final class EventTypes {
    private EventTypes() {
    }

    // system
    public static final String SYSTEM_STARTUP = "system.startup";
    public static final String SYSTEM_SHUTDOWN = "system.shutdown";
    public static final String SYSTEM_RESTART = "system.restart";
    public static final String SYSTEM_CONFIG_CHANGED = "system.config.changed";
    public static final String SYSTEM_CONFIG_RELOADED = "system.config.reloaded";
    public static final String SYSTEM_HEALTH_CHECK_PASSED = "system.health_check.passed";
    public static final String SYSTEM_HEALTH_CHECK_FAILED = "system.health_check.failed";
    public static final String SYSTEM_PERFORMANCE_THRESHOLD = "system.performance.threshold";
    public static final String SYSTEM_LOCAL_USER_CREATED = "system.local_user.created";
    public static final String SYSTEM_LOCAL_USER_DELETED = "system.local_user.deleted";
    public static final String SYSTEM_LOCAL_USER_MODIFIED = "system.local_user.modified";
    public static final String SYSTEM_LOCAL_GROUP_CREATED = "system.local_group.created";
    public static final String SYSTEM_LOCAL_GROUP_DELETED = "system.local_group.deleted";
    public static final String SYSTEM_PACKAGE_INSTALLED = "system.package.installed";
    public static final String SYSTEM_PACKAGE_UPDATED = "system.package.updated";
    public static final String SYSTEM_PACKAGE_REMOVED = "system.package.removed";
    public static final String SYSTEM_REGISTERED = "system.registered";
    public static final String SYSTEM_SHUTDOWN_INITIATED = "system.shutdown.initiated";
    public static final String SYSTEM_RESTART_INITIATED = "system.restart.initiated";
    public static final String SYSTEM_SHUTDOWN_EMERGENCY = "system.shutdown.emergency";
    public static final String SYSTEM_LOCAL_USER_LOCKED = "system.local_user.locked";
    public static final String SYSTEM_LOCAL_USER_UNLOCKED = "system.local_user.unlocked";
    public static final String SYSTEM_CONFIG_VALIDATED = "system.config.validated";

    // storage
    public static final String STORAGE_POOL_CREATED = "storage.pool.created";
    public static final String STORAGE_POOL_DESTROYED = "storage.pool.destroyed";
    public static final String STORAGE_POOL_IMPORTED = "storage.pool.imported";
    public static final String STORAGE_POOL_EXPORTED = "storage.pool.exported";
    public static final String STORAGE_POOL_SCRUB_STARTED = "storage.pool.scrub.started";
    public static final String STORAGE_POOL_SCRUB_COMPLETED = "storage.pool.scrub.completed";
    public static final String STORAGE_POOL_SCRUB_FAILED = "storage.pool.scrub.failed";
    public static final String STORAGE_POOL_STATUS_CHANGED = "storage.pool.status.changed";
    public static final String STORAGE_DATASET_CREATED = "storage.dataset.created";
    public static final String STORAGE_DATASET_DESTROYED = "storage.dataset.destroyed";
    public static final String STORAGE_DATASET_RENAMED = "storage.dataset.renamed";
    public static final String STORAGE_DATASET_PROPERTY_CHANGED = "storage.dataset.property.changed";
    public static final String STORAGE_DATASET_MOUNTED = "storage.dataset.mounted";
    public static final String STORAGE_DATASET_UNMOUNTED = "storage.dataset.unmounted";
    public static final String STORAGE_SNAPSHOT_CREATED = "storage.snapshot.created";
    public static final String STORAGE_SNAPSHOT_DESTROYED = "storage.snapshot.destroyed";
    public static final String STORAGE_SNAPSHOT_RENAMED = "storage.snapshot.renamed";
    public static final String STORAGE_SNAPSHOT_ROLLED_BACK = "storage.snapshot.rolled_back";
    public static final String STORAGE_SNAPSHOT_CLONED = "storage.snapshot.cloned";
    public static final String STORAGE_TRANSFER_STARTED = "storage.transfer.started";
    public static final String STORAGE_TRANSFER_COMPLETED = "storage.transfer.completed";
    public static final String STORAGE_TRANSFER_FAILED = "storage.transfer.failed";
    public static final String STORAGE_TRANSFER_PAUSED = "storage.transfer.paused";
    public static final String STORAGE_TRANSFER_RESUMED = "storage.transfer.resumed";
    public static final String STORAGE_TRANSFER_CANCELLED = "storage.transfer.cancelled";
    public static final String STORAGE_VOLUME_FULL = "storage.volume.full";
    public static final String STORAGE_VOLUME_THRESHOLD = "storage.volume.threshold";
    public static final String STORAGE_QUOTA_EXCEEDED = "storage.quota.exceeded";
    public static final String STORAGE_POOL_RESILVERED = "storage.pool.resilvered";
    public static final String STORAGE_POOL_EXPANDED = "storage.pool.expanded";
    public static final String STORAGE_DISK_DISCOVERED = "storage.disk.discovered";
    public static final String STORAGE_DISK_REMOVED = "storage.disk.removed";
    public static final String STORAGE_DISK_STATE_CHANGED = "storage.disk.state_changed";
    public static final String STORAGE_DISK_HEALTH_CHANGED = "storage.disk.health_changed";
    public static final String STORAGE_DISK_ADDED_TO_POOL = "storage.disk.added_to_pool";
    public static final String STORAGE_DISK_REMOVED_FROM_POOL = "storage.disk.removed_from_pool";
    public static final String STORAGE_DISK_VALIDATED = "storage.disk.validated";
    public static final String STORAGE_DISK_QUARANTINED = "storage.disk.quarantined";
    public static final String STORAGE_DISK_PROBE_SCHEDULED = "storage.disk_probe.scheduled";
    public static final String STORAGE_DISK_PROBE_STARTED = "storage.disk_probe.started";
    public static final String STORAGE_DISK_PROBE_PROGRESS = "storage.disk_probe.progress";
    public static final String STORAGE_DISK_PROBE_COMPLETED = "storage.disk_probe.completed";
    public static final String STORAGE_DISK_PROBE_FAILED = "storage.disk_probe.failed";
    public static final String STORAGE_DISK_PROBE_CANCELLED = "storage.disk_probe.cancelled";
    public static final String STORAGE_DISK_PROBE_CONFLICTED = "storage.disk_probe.conflicted";
    public static final String STORAGE_DISK_PROBE_TIMEOUT = "storage.disk_probe.timeout";

    // network
    public static final String NETWORK_INTERFACE_UP = "network.interface.up";
    public static final String NETWORK_INTERFACE_DOWN = "network.interface.down";
    public static final String NETWORK_INTERFACE_ADDED = "network.interface.added";
    public static final String NETWORK_INTERFACE_REMOVED = "network.interface.removed";
    public static final String NETWORK_INTERFACE_CONFIG_CHANGED = "network.interface.config.changed";
    public static final String NETWORK_CONNECTION_ESTABLISHED = "network.connection.established";
    public static final String NETWORK_CONNECTION_FAILED = "network.connection.failed";
    public static final String NETWORK_CONNECTION_LOST = "network.connection.lost";
    public static final String NETWORK_CONNECTION_TIMEOUT = "network.connection.timeout";
    public static final String NETWORK_DNS_CONFIG_CHANGED = "network.dns.config.changed";
    public static final String NETWORK_DNS_RESOLUTION_FAILED = "network.dns.resolution.failed";
    public static final String NETWORK_ROUTE_ADDED = "network.route.added";
    public static final String NETWORK_ROUTE_DELETED = "network.route.deleted";
    public static final String NETWORK_ROUTE_CHANGED = "network.route.changed";
    public static final String NETWORK_BANDWIDTH_THRESHOLD = "network.bandwidth.threshold";
    public static final String NETWORK_PACKET_LOSS_THRESHOLD = "network.packet_loss.threshold";
    public static final String NETWORK_LATENCY_THRESHOLD = "network.latency.threshold";

    // security
    public static final String SECURITY_AUTH_SUCCESS = "security.auth.success";
    public static final String SECURITY_AUTH_FAILED = "security.auth.failed";
    public static final String SECURITY_AUTH_TIMEOUT = "security.auth.timeout";
    public static final String SECURITY_LOGIN_SUCCESS = "security.login.success";
    public static final String SECURITY_LOGIN_FAILED = "security.login.failed";
    public static final String SECURITY_LOGOUT = "security.logout";
    public static final String SECURITY_PERMISSION_DENIED = "security.permission.denied";
    public static final String SECURITY_PRIVILEGE_ESCALATION = "security.privilege.escalation";
    public static final String SECURITY_UNAUTHORIZED_ACCESS = "security.unauthorized_access";
    public static final String SECURITY_KEY_GENERATED = "security.key.generated";
    public static final String SECURITY_KEY_ROTATED = "security.key.rotated";
    public static final String SECURITY_KEY_EXPIRED = "security.key.expired";
    public static final String SECURITY_KEY_COMPROMISED = "security.key.compromised";
    public static final String SECURITY_CERTIFICATE_ISSUED = "security.certificate.issued";
    public static final String SECURITY_CERTIFICATE_EXPIRED = "security.certificate.expired";
    public static final String SECURITY_CERTIFICATE_REVOKED = "security.certificate.revoked";
    public static final String SECURITY_SSH_KEY_ADDED = "security.ssh.key.added";
    public static final String SECURITY_SSH_KEY_REMOVED = "security.ssh.key.removed";
    public static final String SECURITY_SSH_CONNECTION_ESTABLISHED = "security.ssh.connection.established";
    public static final String SECURITY_SSH_CONNECTION_FAILED = "security.ssh.connection.failed";
    public static final String SECURITY_INTRUSION_DETECTED = "security.intrusion.detected";
    public static final String SECURITY_MALWARE_DETECTED = "security.malware.detected";
    public static final String SECURITY_POLICY_VIOLATION = "security.policy.violation";

    // service
    public static final String SERVICE_STARTED = "service.started";
    public static final String SERVICE_STOPPED = "service.stopped";
    public static final String SERVICE_RESTARTED = "service.restarted";
    public static final String SERVICE_FAILED = "service.failed";
    public static final String SERVICE_CRASHED = "service.crashed";
    public static final String SERVICE_KILLED = "service.killed";
    public static final String SERVICE_CONFIG_CHANGED = "service.config.changed";
    public static final String SERVICE_CONFIG_RELOADED = "service.config.reloaded";
    public static final String SERVICE_CONFIG_INVALID = "service.config.invalid";
    public static final String SERVICE_ENABLED_AT_STARTUP = "service.enabled.at_startup";
    public static final String SERVICE_DISABLED_AT_STARTUP = "service.disabled.at_startup";
    public static final String SERVICE_HEALTH_CHECK_PASSED = "service.health_check.passed";
    public static final String SERVICE_HEALTH_CHECK_FAILED = "service.health_check.failed";
    public static final String SERVICE_DEPENDENCY_FAILED = "service.dependency.failed";

    // identity
    public static final String IDENTITY_USER_CREATED = "identity.user.created";
    public static final String IDENTITY_USER_UPDATED = "identity.user.updated";
    public static final String IDENTITY_USER_DELETED = "identity.user.deleted";
    public static final String IDENTITY_USER_ENABLED = "identity.user.enabled";
    public static final String IDENTITY_USER_DISABLED = "identity.user.disabled";
    public static final String IDENTITY_USER_PASSWORD_CHANGED = "identity.user.password.changed";
    public static final String IDENTITY_USER_PASSWORD_EXPIRED = "identity.user.password.expired";
    public static final String IDENTITY_USER_LOCKED = "identity.user.locked";
    public static final String IDENTITY_USER_UNLOCKED = "identity.user.unlocked";
    public static final String IDENTITY_GROUP_CREATED = "identity.group.created";
    public static final String IDENTITY_GROUP_UPDATED = "identity.group.updated";
    public static final String IDENTITY_GROUP_DELETED = "identity.group.deleted";
    public static final String IDENTITY_GROUP_MEMBER_ADDED = "identity.group.member.added";
    public static final String IDENTITY_GROUP_MEMBER_REMOVED = "identity.group.member.removed";
    public static final String IDENTITY_COMPUTER_JOINED = "identity.computer.joined";
    public static final String IDENTITY_COMPUTER_LEFT = "identity.computer.left";
    public static final String IDENTITY_COMPUTER_UPDATED = "identity.computer.updated";
    public static final String IDENTITY_COMPUTER_DISABLED = "identity.computer.disabled";
    public static final String IDENTITY_DOMAIN_SYNC_STARTED = "identity.domain.sync.started";
    public static final String IDENTITY_DOMAIN_SYNC_COMPLETED = "identity.domain.sync.completed";
    public static final String IDENTITY_DOMAIN_SYNC_FAILED = "identity.domain.sync.failed";
    public static final String IDENTITY_DOMAIN_CONTROLLER_CONNECTED = "identity.domain_controller.connected";
    public static final String IDENTITY_DOMAIN_CONTROLLER_DISCONNECTED = "identity.domain_controller.disconnected";

    // access
    public static final String ACCESS_ACL_CREATED = "access.acl.created";
    public static final String ACCESS_ACL_UPDATED = "access.acl.updated";
    public static final String ACCESS_ACL_DELETED = "access.acl.deleted";
    public static final String ACCESS_ACL_PERMISSION_GRANTED = "access.acl.permission.granted";
    public static final String ACCESS_ACL_PERMISSION_REVOKED = "access.acl.permission.revoked";
    public static final String ACCESS_FILE_ACCESS_GRANTED = "access.file.access.granted";
    public static final String ACCESS_FILE_ACCESS_DENIED = "access.file.access.denied";
    public static final String ACCESS_DIRECTORY_ACCESS_GRANTED = "access.directory.access.granted";
    public static final String ACCESS_DIRECTORY_ACCESS_DENIED = "access.directory.access.denied";
    public static final String ACCESS_OWNERSHIP_CHANGED = "access.ownership.changed";
    public static final String ACCESS_PERMISSIONS_CHANGED = "access.permissions.changed";
    public static final String ACCESS_INHERITANCE_CHANGED = "access.inheritance.changed";
    public static final String ACCESS_SECURITY_DESCRIPTOR_CHANGED = "access.security_descriptor.changed";
    public static final String ACCESS_DEFAULT_ACL_CHANGED = "access.default_acl.changed";

    // sharing
    public static final String SHARING_SHARE_CREATED = "sharing.share.created";
    public static final String SHARING_SHARE_UPDATED = "sharing.share.updated";
    public static final String SHARING_SHARE_DELETED = "sharing.share.deleted";
    public static final String SHARING_SHARE_ENABLED = "sharing.share.enabled";
    public static final String SHARING_SHARE_DISABLED = "sharing.share.disabled";
    public static final String SHARING_SMB_SHARE_CONNECTED = "sharing.smb.share.connected";
    public static final String SHARING_SMB_SHARE_DISCONNECTED = "sharing.smb.share.disconnected";
    public static final String SHARING_SMB_SESSION_ESTABLISHED = "sharing.smb.session.established";
    public static final String SHARING_SMB_SESSION_TERMINATED = "sharing.smb.session.terminated";
    public static final String SHARING_SMB_FILE_OPENED = "sharing.smb.file.opened";
    public static final String SHARING_SMB_FILE_CLOSED = "sharing.smb.file.closed";
    public static final String SHARING_NFS_EXPORT_CREATED = "sharing.nfs.export.created";
    public static final String SHARING_NFS_EXPORT_DELETED = "sharing.nfs.export.deleted";
    public static final String SHARING_NFS_MOUNT = "sharing.nfs.mount";
    public static final String SHARING_NFS_UNMOUNT = "sharing.nfs.unmount";
    public static final String SHARING_SHARE_ACCESS_GRANTED = "sharing.share.access.granted";
    public static final String SHARING_SHARE_ACCESS_DENIED = "sharing.share.access.denied";
    public static final String SHARING_QUOTA_EXCEEDED = "sharing.quota.exceeded";
    public static final String SHARING_CONNECTION_LIMIT_REACHED = "sharing.connection.limit_reached";
    public static final String SHARING_BANDWIDTH_THRESHOLD = "sharing.bandwidth.threshold";

    // usage
    public static final String USAGE_QUOTA_WARNING = "usage.quota.warning";
    public static final String USAGE_QUOTA_EXCEEDED = "usage.quota.exceeded";
    public static final String USAGE_QUOTA_RESET = "usage.quota.reset";
    public static final String USAGE_QUOTA_UPDATED = "usage.quota.updated";
    public static final String USAGE_RESOURCE_MEASURED = "usage.resource.measured";
    public static final String USAGE_RESOURCE_INCREASED = "usage.resource.increased";
    public static final String USAGE_RESOURCE_DECREASED = "usage.resource.decreased";
    public static final String USAGE_THRESHOLD_APPROACHED = "usage.threshold.approached";
    public static final String USAGE_THRESHOLD_EXCEEDED = "usage.threshold.exceeded";
    public static final String USAGE_THRESHOLD_CLEARED = "usage.threshold.cleared";

    // data_transfer
    public static final String DATA_TRANSFER_TRANSFER_STARTED = "data_transfer.transfer.started";
    public static final String DATA_TRANSFER_TRANSFER_PROGRESS = "data_transfer.transfer.progress";
    public static final String DATA_TRANSFER_TRANSFER_COMPLETED = "data_transfer.transfer.completed";
    public static final String DATA_TRANSFER_TRANSFER_FAILED = "data_transfer.transfer.failed";
    public static final String DATA_TRANSFER_TRANSFER_CANCELLED = "data_transfer.transfer.cancelled";
    public static final String DATA_TRANSFER_TRANSFER_PAUSED = "data_transfer.transfer.paused";
    public static final String DATA_TRANSFER_TRANSFER_RESUMED = "data_transfer.transfer.resumed";
    public static final String DATA_TRANSFER_TRANSFER_DELETED = "data_transfer.transfer.deleted";
}
