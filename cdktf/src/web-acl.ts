// A WAF web ACL of AWS managed rule groups, in front of the load balancer (REGIONAL) or the web UI's
// CloudFront distribution (CLOUDFRONT, which lives in us-east-1): Amazon's IP reputation list, the
// common rule set (OWASP-style injections, path traversal, bad bots) and known bad inputs (Log4Shell
// and friends). Everything else is allowed. Every request it blocks or counts is logged, a year.
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Wafv2WebAclLoggingConfiguration } from '@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration';
import { Construct } from 'constructs';
import { encryptedLogGroup } from './log-group';

/** AWS managed rule groups, in evaluation order, with the rules only counted (not blocked) and why. */
export const MANAGED_RULE_GROUPS: readonly { readonly name: string; readonly countOnly?: readonly string[] }[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList' },
  // Bodies over 8 KB are ordinary here (job and webhook requests with metadata): counted, not blocked.
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet' },
];

interface WebAclProps {
  readonly name: string;
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Must start with `aws-waf-logs-`. */
  readonly logGroupName: string;
  /** Encrypts the log group: a key in the web ACL's region. */
  readonly kmsKeyArn: string;
  /** Where the ACL and its logs live when not the stack's region (us-east-1 for CLOUDFRONT). */
  readonly region?: string;
}

const visibility = (metricName: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName });

export class WebAcl extends Construct {
  readonly acl: Wafv2WebAcl;

  constructor(scope: Construct, id: string, props: WebAclProps) {
    super(scope, id);
    const region = props.region ? { region: props.region } : {};
    this.acl = new Wafv2WebAcl(this, 'acl', {
      name: props.name,
      scope: props.scope,
      description: `${props.name}: AWS managed rule groups`,
      defaultAction: { allow: {} },
      rule: MANAGED_RULE_GROUPS.map((group, index) => ({
        name: group.name,
        priority: (index + 1) * 10,
        overrideAction: { none: {} },
        // `statement` is untyped in the provider bindings: written as Terraform spells it.
        statement: {
          managed_rule_group_statement: {
            name: group.name,
            vendor_name: 'AWS',
            ...(group.countOnly ? { rule_action_override: group.countOnly.map((rule) => ({ name: rule, action_to_use: { count: {} } })) } : {}),
          },
        },
        visibilityConfig: visibility(group.name),
      })),
      visibilityConfig: visibility(props.name),
      ...region,
    });
    const logs = encryptedLogGroup(this, 'logs', { name: props.logGroupName, kmsKeyArn: props.kmsKeyArn, ...region });
    new Wafv2WebAclLoggingConfiguration(this, 'logging', {
      resourceArn: this.acl.arn,
      logDestinationConfigs: [logs.arn],
      // Allowed requests are in the access logs already: WAF logs what it blocked or counted.
      loggingFilter: {
        defaultBehavior: 'DROP',
        filter: ['BLOCK', 'COUNT'].map((action) => ({
          behavior: 'KEEP',
          requirement: 'MEETS_ANY',
          condition: [{ actionCondition: { action } }],
        })),
      },
      ...region,
    });
  }
}
